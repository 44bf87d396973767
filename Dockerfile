# tanu in a container: a static binary on a distroless base, run as a
# non-root user, with its data (embedded database, signing keys) in /data.
#
#   docker build -t tanu .
#   docker run -p 8080:8080 -v tanu-data:/data \
#     -e TANU_PUBLIC_URL=https://credentials.example.edu \
#     -e TANU_CONFIG=/etc/tanu/organization.json -v "$PWD/organization.json:/etc/tanu/organization.json:ro" \
#     tanu serve --migrate

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/tanu ./cmd/tanu \
 && mkdir -p /out/data/keys && chmod 0700 /out/data /out/data/keys

# distroless/static: CA certificates (to verify other issuers over HTTPS),
# time zones, /etc/passwd with the user "nonroot" (65532); no shell.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/tanu /usr/local/bin/tanu
COPY --from=build --chown=65532:65532 /out/data /data
USER 65532:65532
ENV TANU_DATA_DIR=/data TANU_LISTEN=0.0.0.0:8080 TANU_LOG_FORMAT=json
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["/usr/local/bin/tanu", "health"]
ENTRYPOINT ["/usr/local/bin/tanu"]
CMD ["serve"]
