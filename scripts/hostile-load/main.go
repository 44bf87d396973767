// Command hostile-load repeats the unauthenticated floods of issue 10
// against a real tanu server and reports its resident memory and whether
// /healthz kept answering. It builds tanu, starts `tanu demo` on a fresh
// embedded database on 127.0.0.1 (twice: with the default limits, then
// with the per-client limits off, so the parsers' own bounds are what is
// measured), runs each flood for a bounded number of requests and time,
// stops the server and removes its data. It talks to 127.0.0.1 only.
//
//	go run ./scripts/hostile-load [-bound-mib 768] [-workers 8] [-seconds 20]
//
// scripts/hostile-load.sh is the same with its defaults.
package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/tanu-edu/tanu/keyring"
)

func main() {
	bound := flag.Int("bound-mib", 768, "resident memory the server must stay under, MiB")
	workers := flag.Int("workers", 8, "parallel clients per flood")
	seconds := flag.Int("seconds", 20, "time limit of each flood, seconds")
	perWorker := flag.Int("requests", 40, "requests per client per flood (at most)")
	flag.Parse()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute) // the whole run, whatever happens
	defer cancel()
	if err := run(ctx, *bound, *workers, *perWorker, time.Duration(*seconds)*time.Second); err != nil {
		fmt.Fprintln(os.Stderr, "hostile-load:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, boundMiB, workers, perWorker int, limit time.Duration) error {
	tmp, err := os.MkdirTemp("", "tanu-hostile-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "tanu")
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/tanu").CombinedOutput(); err != nil {
		return fmt.Errorf("build: %v\n%s", err, out)
	}
	failed := false
	for _, phase := range []struct {
		name string
		args []string
	}{
		{"default limits", nil},
		{"per-client limits off", []string{"--verify-per-minute", "-1", "--upload-per-minute", "-1", "--uploads-per-user", "-1", "--open-batches-per-user", "-1"}},
	} {
		fmt.Printf("\n=== phase: %s\n", phase.name)
		ok, err := runPhase(ctx, bin, filepath.Join(tmp, strings.ReplaceAll(phase.name, " ", "-")), phase.args, boundMiB, workers, perWorker, limit)
		if err != nil {
			return err
		}
		failed = failed || !ok
	}
	if failed {
		return errors.New("a bound was exceeded or /healthz stopped answering")
	}
	fmt.Println("\nall floods stayed within the bounds")
	return nil
}

// server is a running tanu demo.
type server struct {
	cmd       *exec.Cmd
	base      string
	dir       string
	admin     string
	mq, th    string // program registration numbers: microqualification, TeachHub
	credIDs   []string
	stdoutBuf *bytes.Buffer
}

var (
	baseRE  = regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+`)
	credRE  = regexp.MustCompile(`/c/([0-9a-f-]{36})`)
	adminRE = regexp.MustCompile(`Admin token:\s+(\S+)`)
	progRE  = regexp.MustCompile(`(?m)^  ([A-Z]{2,}-[0-9]{4}-[0-9]+)\s`)
)

func startServer(ctx context.Context, bin, dir string, args []string) (*server, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, bin, append([]string{"demo", "--listen", "127.0.0.1:0", "--data", dir}, args...)...)
	cmd.Env = append(os.Environ(), "TANU_LOG_LEVEL=error")
	out := &bytes.Buffer{}
	pr, pw := io.Pipe()
	cmd.Stdout = pw
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, dir: dir, stdoutBuf: out}
	ready := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			out.WriteString(sc.Text() + "\n")
			if strings.HasPrefix(sc.Text(), "Serving ") {
				close(ready)
			}
		}
	}()
	select {
	case <-ready:
	case <-time.After(60 * time.Second):
		s.stop()
		return nil, fmt.Errorf("the demo did not start:\n%s", out)
	}
	text := out.String()
	s.base = baseRE.FindString(text)
	if m := adminRE.FindStringSubmatch(text); m != nil {
		s.admin = m[1]
	}
	for _, m := range credRE.FindAllStringSubmatch(text, -1) {
		s.credIDs = append(s.credIDs, m[1])
	}
	progs := progRE.FindAllStringSubmatch(text, -1)
	if s.base == "" || s.admin == "" || len(s.credIDs) == 0 || len(progs) < 2 {
		s.stop()
		return nil, fmt.Errorf("cannot read the demo's output:\n%s", text)
	}
	if u, err := url.Parse(s.base); err != nil || u.Hostname() != "127.0.0.1" {
		s.stop()
		return nil, fmt.Errorf("the server is not on 127.0.0.1: %s", s.base)
	}
	s.mq, s.th = progs[0][1], progs[1][1]
	return s, nil
}

func (s *server) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		_ = s.cmd.Process.Kill()
		<-done
	}
}

// rssKiB reads VmRSS of pid.
func rssKiB(pid int) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.Atoi(strings.Fields(rest)[0])
			return n
		}
	}
	return 0
}

// monitor samples the server's memory and /healthz while a flood runs.
type monitor struct {
	peakKiB     atomic.Int64
	healthOK    atomic.Int64
	healthFail  atomic.Int64
	healthMaxMs atomic.Int64
	stop        chan struct{}
	done        sync.WaitGroup
}

// watch samples s; past twice the bound it kills the server, so that a
// failing run cannot take the machine down with it.
func watch(s *server, boundMiB int) *monitor {
	m := &monitor{stop: make(chan struct{})}
	pid := s.cmd.Process.Pid
	m.done.Add(2)
	go func() {
		defer m.done.Done()
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			if k := int64(rssKiB(pid)); k > m.peakKiB.Load() {
				m.peakKiB.Store(k)
				if k > int64(2*boundMiB)<<10 {
					fmt.Printf("RSS %d MiB is over twice the bound: killing the server\n", k>>10)
					_ = s.cmd.Process.Kill()
				}
			}
			select {
			case <-m.stop:
				return
			case <-t.C:
			}
		}
	}()
	go func() {
		defer m.done.Done()
		c := &http.Client{Timeout: 2 * time.Second}
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			start := time.Now()
			resp, err := c.Get(s.base + "/healthz")
			ms := time.Since(start).Milliseconds()
			if err == nil {
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			if err != nil || resp.StatusCode != 200 {
				m.healthFail.Add(1)
			} else {
				m.healthOK.Add(1)
			}
			if ms > m.healthMaxMs.Load() {
				m.healthMaxMs.Store(ms)
			}
			select {
			case <-m.stop:
				return
			case <-t.C:
			}
		}
	}()
	return m
}

func (m *monitor) finish() { close(m.stop); m.done.Wait() }

// flood is one kind of hostile request.
type flood struct {
	name string
	// req builds request i of worker w.
	req func(w, i int) (*http.Request, error)
}

func runPhase(ctx context.Context, bin, dir string, args []string, boundMiB, workers, perWorker int, limit time.Duration) (bool, error) {
	s, err := startServer(ctx, bin, dir, args)
	if err != nil {
		return false, err
	}
	defer s.stop()
	coord, err := exec.CommandContext(ctx, bin, "token", "create", "--role", "coordinator", "--data", dir).Output()
	if err != nil {
		return false, fmt.Errorf("token create: %w", err)
	}
	coordinator := strings.TrimSpace(string(coord))
	idle := rssKiB(s.cmd.Process.Pid)
	fmt.Printf("server %s pid %d, idle RSS %d MiB, bound %d MiB\n", s.base, s.cmd.Process.Pid, idle/1024, boundMiB)
	floods, err := buildFloods(ctx, s, coordinator)
	if err != nil {
		return false, err
	}
	ok := true
	fmt.Printf("%-34s %6s %8s %-30s %9s %14s\n", "flood", "sent", "seconds", "answers", "peak RSS", "healthz ok/fail, max ms")
	for _, f := range floods {
		m := watch(s, boundMiB)
		sent, codes, took := fire(ctx, f, workers, perWorker, limit)
		m.finish()
		peak := m.peakKiB.Load() / 1024
		fmt.Printf("%-34s %6d %8.1f %-30s %6d MiB %6d/%d, %d\n", f.name, sent, took.Seconds(), codes, peak, m.healthOK.Load(), m.healthFail.Load(), m.healthMaxMs.Load())
		if peak >= int64(boundMiB) || m.healthFail.Load() > 0 {
			ok = false
		}
		if rssKiB(s.cmd.Process.Pid) == 0 {
			fmt.Println("the server is gone: the remaining floods of this phase are skipped")
			return false, nil
		}
	}
	// The server still verifies.
	resp, err := http.Get(s.base + "/api/v1/verify/" + s.credIDs[0])
	if err != nil {
		fmt.Printf("after the floods: %v\n", err)
		return false, nil
	}
	resp.Body.Close()
	fmt.Printf("after the floods: GET /api/v1/verify/{id} answers %d, RSS %d MiB\n", resp.StatusCode, rssKiB(s.cmd.Process.Pid)/1024)
	return ok, nil
}

// fire runs a flood: workers in parallel, each at most n requests, all
// within limit. It returns what was sent and the answers by status.
func fire(ctx context.Context, f flood, workers, n int, limit time.Duration) (int, string, time.Duration) {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	c := &http.Client{Timeout: limit}
	var mu sync.Mutex
	codes := map[string]int{}
	var sent atomic.Int64
	start := time.Now()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range n {
				if ctx.Err() != nil {
					return
				}
				req, err := f.req(w, i)
				if err != nil {
					return
				}
				sent.Add(1)
				resp, err := c.Do(req.WithContext(ctx))
				key := "error"
				if err == nil {
					_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
					resp.Body.Close()
					key = strconv.Itoa(resp.StatusCode)
				} else if ctx.Err() != nil {
					key = "cut"
				}
				mu.Lock()
				codes[key]++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	keys := make([]string, 0, len(codes))
	for k := range codes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s×%d", k, codes[k]))
	}
	return int(sent.Load()), strings.Join(parts, " "), time.Since(start)
}

func buildFloods(ctx context.Context, s *server, coordinator string) ([]flood, error) {
	const big = 15 << 20 // under the 16 MiB upload cap
	bigString := append(append([]byte(`{"credential":"`), bytes.Repeat([]byte("A"), big)...), []byte(`"}`)...)
	nested := append(bytes.Repeat([]byte("["), big/2), bytes.Repeat([]byte("]"), big/2)...)
	manyKeys := bytes.NewBufferString("{")
	for i := 0; manyKeys.Len() < big; i++ {
		fmt.Fprintf(manyKeys, `"k%d":[1,2,3,{"a":"b"}],`, i)
	}
	manyKeys.WriteString(`"id":"x"}`)
	post := func(path, ctype, token string, body []byte) (*http.Request, error) {
		req, err := http.NewRequest("POST", s.base+path, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", ctype)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		return req, nil
	}
	// Distinct large credentials signed with the demo's own key (the only
	// issuer this server will fetch nothing for): each passes the signature.
	creds, err := largeCredentials(ctx, s)
	if err != nil {
		return nil, err
	}
	ods, err := odsBomb()
	if err != nil {
		return nil, err
	}
	xlsx, err := xlsxBomb()
	if err != nil {
		return nil, err
	}
	multipartFile := func(name string, data []byte) ([]byte, string) {
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		fw, _ := mw.CreateFormFile("file", name)
		_, _ = fw.Write(data)
		_ = mw.Close()
		return b.Bytes(), mw.FormDataContentType()
	}
	odsBody, odsType := multipartFile("staff.ods", ods)
	xlsxBody, xlsxType := multipartFile("cohort.xlsx", xlsx)
	var counter atomic.Int64
	return []flood{
		{"verify: 15 MiB JSON string", func(w, i int) (*http.Request, error) {
			return post("/api/v1/verify", "application/json", "", bigString)
		}},
		{"verify: 15 MiB nested arrays", func(w, i int) (*http.Request, error) {
			return post("/api/v1/verify", "application/json", "", nested)
		}},
		{"verify: 15 MiB object, many keys", func(w, i int) (*http.Request, error) {
			return post("/api/v1/verify", "application/json", "", manyKeys.Bytes())
		}},
		{"verify: distinct large credentials", func(w, i int) (*http.Request, error) {
			n := int(counter.Add(1)) - 1
			return post("/api/v1/verify", "text/plain", "", []byte(creds(n)))
		}},
		{"import: ODS bomb (coordinator)", func(w, i int) (*http.Request, error) {
			return post("/api/v1/teachhub/cards/import?program="+url.QueryEscape(s.th), odsType, coordinator, odsBody)
		}},
		{"import: XLSX bomb (coordinator)", func(w, i int) (*http.Request, error) {
			return post("/api/v1/teachhub/cards/import?program="+url.QueryEscape(s.th), xlsxType, coordinator, xlsxBody)
		}},
	}, nil
}

// largeCredentials returns a generator of distinct ~200 KiB (encoded) credentials
// signed with the demo's active key.
func largeCredentials(ctx context.Context, s *server) (func(int) string, error) {
	req, _ := http.NewRequestWithContext(ctx, "GET", s.base+"/c/"+s.credIDs[0]+"/credential.jwt", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	jws, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	parts := strings.Split(strings.TrimSpace(string(jws)), ".")
	if len(parts) != 3 {
		return nil, fmt.Errorf("credential.jwt: %q", jws)
	}
	var header struct {
		Kid string `json:"kid"`
	}
	hb, _ := base64.RawURLEncoding.DecodeString(parts[0])
	_ = json.Unmarshal(hb, &header)
	pb, _ := base64.RawURLEncoding.DecodeString(parts[1])
	var payload map[string]any
	if err := json.Unmarshal(pb, &payload); err != nil {
		return nil, err
	}
	ring, err := keyring.Open(filepath.Join(s.dir, "keys"))
	if err != nil {
		return nil, err
	}
	key, err := ring.Active()
	if err != nil {
		return nil, err
	}
	signer, err := keyring.NewSigner(key, header.Kid)
	if err != nil {
		return nil, err
	}
	pad := strings.Repeat("x", 150<<10) // under the 256 KiB token cap once encoded
	var mu sync.Mutex
	return func(n int) string {
		mu.Lock()
		defer mu.Unlock()
		payload["description"] = fmt.Sprintf("%08d %s", n, pad)
		b, _ := json.Marshal(payload)
		out, _ := signer.Sign(b)
		return out
	}, nil
}

func zipOf(files [][2]string) ([]byte, error) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range files {
		method := zip.Deflate
		if f[0] == "mimetype" {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f[0], Method: method})
		if err != nil {
			return nil, err
		}
		if _, err := io.WriteString(w, f[1]); err != nil {
			return nil, err
		}
	}
	err := zw.Close()
	return b.Bytes(), err
}

// odsBomb is an ODS of a million repeated rows of 16,384 repeated cells.
func odsBomb() ([]byte, error) {
	content := `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="S">
<table:table-row><table:table-cell office:value-type="string"><text:p>staff_id</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>name</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>`
	return zipOf([][2]string{
		{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
		{"META-INF/manifest.xml", `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`},
		{"content.xml", content},
	})
}

// xlsxBomb is an XLSX whose 20,000 rows each reach column XFD (16,384
// wide) and whose shared string is 8 MiB.
func xlsxBomb() ([]byte, error) {
	var rows strings.Builder
	rows.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>staff_id</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c></row>`)
	for r := 2; r <= 20000; r++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="s"><v>0</v></c><c r="XFD%d"><v>1</v></c></row>`, r, r, r)
	}
	return zipOf([][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>` + strings.Repeat("y", 8<<20) + `</t></si></sst>`},
		{"xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD20000"/><sheetData>` + rows.String() + `</sheetData></worksheet>`},
	})
}
