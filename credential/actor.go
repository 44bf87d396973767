package credential

import "context"

type actorKey struct{}

// WithActor returns a context that attributes the writes made with it to
// actor in the audit trail: "user:alice@uni.edu", "user:alice@uni.edu via
// token:Ab12", "token:Ab12" (a system token), "cli:root", "sso:entra".
func WithActor(ctx context.Context, actor string) context.Context {
	return context.WithValue(ctx, actorKey{}, actor)
}

// ActorFrom returns the actor of ctx, or "system".
func ActorFrom(ctx context.Context) string {
	if a, ok := ctx.Value(actorKey{}).(string); ok && a != "" {
		return a
	}
	return "system"
}
