package config

import (
	"log/slog"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// Ops are the operator's settings: logs, the admin port, traces and the
// sizes of the connection pools. Their zero values cost nothing: no admin
// listener, no tracing.
type Ops struct {
	LogLevel slog.Level // LOG_LEVEL: debug, info (default), warn or error
	// AdminAddr is where pprof answers (ADMIN_ADDR); "" = nowhere. A bare
	// port or an address without a host binds to 127.0.0.1: profiles show
	// memory, so exposing them is a choice spelled out (0.0.0.0:6060).
	AdminAddr string
	// OTLPEndpoint is the OTLP/HTTP collector traces go to
	// (OTEL_EXPORTER_OTLP_ENDPOINT, the OpenTelemetry variable); "" = no tracing.
	OTLPEndpoint string
	// DBMaxConns bounds the salon-scoped Postgres pool of each instance
	// (DB_MAX_CONNS); the platform pool adds up to 4 more.
	DBMaxConns int32
	// RedisPoolSize bounds each Redis connection pool (REDIS_POOL_SIZE);
	// 0 = go-redis's default, 10 per CPU.
	RedisPoolSize int
	// RedisAddrs are more Redis addresses (REDIS_ADDRS, comma-separated),
	// beside REDIS_URL's own: a Cluster's seed nodes, or Sentinels when
	// RedisSentinelMaster is set.
	RedisAddrs []string
	// RedisSentinelMaster names the master the Sentinels watch
	// (REDIS_SENTINEL_MASTER): REDIS_URL and REDIS_ADDRS then name Sentinels.
	RedisSentinelMaster string
	// RedisCluster is REDIS_CLUSTER=true, for a Cluster reached through
	// one address (several addresses without a master mean a Cluster anyway).
	RedisCluster bool
}

var logLevels = map[string]slog.Level{"debug": slog.LevelDebug, "info": slog.LevelInfo, "warn": slog.LevelWarn, "error": slog.LevelError}

// loadOps reads the operator's settings; redisDB is REDIS_URL's database.
func loadOps(get func(name, def string) string, redisDB string) (Ops, error) {
	var o Ops
	level, ok := logLevels[strings.ToLower(get("LOG_LEVEL", "info"))]
	if !ok {
		return o, &Error{"LOG_LEVEL", "must be debug, info, warn or error"}
	}
	o.LogLevel = level

	if raw := get("ADMIN_ADDR", ""); raw != "" {
		addr, ok := adminAddr(raw)
		if !ok {
			return o, &Error{"ADMIN_ADDR", "must be a port (6060, on 127.0.0.1) or an address such as 127.0.0.1:6060"}
		}
		o.AdminAddr = addr
	}

	if o.OTLPEndpoint = strings.TrimRight(get("OTEL_EXPORTER_OTLP_ENDPOINT", ""), "/"); o.OTLPEndpoint != "" {
		if u, err := url.Parse(o.OTLPEndpoint); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return o, &Error{"OTEL_EXPORTER_OTLP_ENDPOINT", "must be the http(s) URL of an OTLP/HTTP collector, such as http://127.0.0.1:4318"}
		}
	}

	n, err := strconv.Atoi(get("DB_MAX_CONNS", "10"))
	if err != nil || n < 2 || n > 1000 {
		return o, &Error{"DB_MAX_CONNS", "must be a number of connections between 2 and 1000"}
	}
	o.DBMaxConns = int32(n)
	if o.RedisPoolSize, err = strconv.Atoi(get("REDIS_POOL_SIZE", "0")); err != nil || o.RedisPoolSize < 0 || o.RedisPoolSize > 10000 {
		return o, &Error{"REDIS_POOL_SIZE", "must be a number of connections between 1 and 10000 (0: 10 per CPU)"}
	}
	return o, loadRedisTopology(get, redisDB, &o)
}

func loadRedisTopology(get func(name, def string) string, redisDB string, o *Ops) error {
	for _, a := range strings.Split(get("REDIS_ADDRS", ""), ",") {
		if a = strings.TrimSpace(a); a == "" {
			continue
		}
		if host, port, err := net.SplitHostPort(a); err != nil || host == "" || port == "" {
			return &Error{"REDIS_ADDRS", "must be a comma-separated list of host:port"}
		}
		o.RedisAddrs = append(o.RedisAddrs, a)
	}
	o.RedisSentinelMaster = get("REDIS_SENTINEL_MASTER", "")
	switch get("REDIS_CLUSTER", "false") {
	case "true", "1":
		o.RedisCluster = true
	case "false", "0":
	default:
		return &Error{"REDIS_CLUSTER", "must be true or false"}
	}
	if o.RedisCluster && o.RedisSentinelMaster != "" {
		return &Error{"REDIS_CLUSTER", "cannot be set with REDIS_SENTINEL_MASTER: a Redis is behind Sentinels or a Cluster, not both"}
	}
	// A Cluster has one database only: asking for another would silently
	// share keys with database 0.
	if o.ClusterRedis() && redisDB != "" && redisDB != "0" {
		return &Error{"REDIS_URL", "must name database 0 (or none) with a Redis Cluster"}
	}
	return nil
}

// ClusterRedis reports whether Redis is a Cluster.
func (o Ops) ClusterRedis() bool {
	return o.RedisCluster || (o.RedisSentinelMaster == "" && len(o.RedisAddrs) > 0)
}

// adminAddr completes an admin address: the loopback interface unless a
// host is named.
func adminAddr(raw string) (string, bool) {
	if p, err := strconv.Atoi(raw); err == nil {
		return net.JoinHostPort("127.0.0.1", strconv.Itoa(p)), p > 0 && p < 65536
	}
	host, port, err := net.SplitHostPort(raw)
	if err != nil {
		return "", false
	}
	if p, err := strconv.Atoi(port); err != nil || p < 0 || p > 65535 {
		return "", false
	}
	if host == "" {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port), true
}
