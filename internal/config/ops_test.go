package config

import (
	"log/slog"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestOperatorToolsAreOffByDefault(t *testing.T) {
	c, err := load(nil)
	require.NoError(t, err)
	require.Equal(t, slog.LevelInfo, c.LogLevel)
	require.Empty(t, c.AdminAddr, "no profiling port unless asked for")
	require.Empty(t, c.OTLPEndpoint, "no tracing unless a collector is named")
	require.Equal(t, int32(10), c.DBMaxConns)
	require.Zero(t, c.RedisPoolSize, "go-redis's own default")
	require.False(t, c.ClusterRedis())
	require.Empty(t, c.RedisSentinelMaster)
}

func TestOperatorSettingsAreRead(t *testing.T) {
	c, err := load(map[string]string{"LOG_LEVEL": "DEBUG", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://otel:4318/",
		"DB_MAX_CONNS": "25", "REDIS_POOL_SIZE": "40"})
	require.NoError(t, err)
	require.Equal(t, slog.LevelDebug, c.LogLevel)
	require.Equal(t, "http://otel:4318", c.OTLPEndpoint)
	require.Equal(t, int32(25), c.DBMaxConns)
	require.Equal(t, 40, c.RedisPoolSize)
}

func TestTheAdminPortListensOnThisMachineUnlessAHostIsNamed(t *testing.T) {
	for raw, want := range map[string]string{
		"6060":         "127.0.0.1:6060",
		":6060":        "127.0.0.1:6060",
		"0.0.0.0:6060": "0.0.0.0:6060",
		"[::1]:6060":   "[::1]:6060",
	} {
		c, err := load(map[string]string{"ADMIN_ADDR": raw})
		require.NoError(t, err, raw)
		require.Equal(t, want, c.AdminAddr, raw)
	}
}

func TestRedisBehindSentinelsOrACluster(t *testing.T) {
	c, err := load(map[string]string{"REDIS_URL": "redis://:pw@sentinel-1:26379/2", "REDIS_ADDRS": "sentinel-2:26379, sentinel-3:26379",
		"REDIS_SENTINEL_MASTER": "carnet"})
	require.NoError(t, err)
	require.Equal(t, []string{"sentinel-2:26379", "sentinel-3:26379"}, c.RedisAddrs)
	require.Equal(t, "carnet", c.RedisSentinelMaster)
	require.False(t, c.ClusterRedis(), "Sentinels watch one master: databases still work")

	c, err = load(map[string]string{"REDIS_URL": "rediss://redis-1:6379", "REDIS_ADDRS": "redis-2:6379"})
	require.NoError(t, err)
	require.True(t, c.ClusterRedis(), "several addresses and no master: a Cluster")

	c, err = load(map[string]string{"REDIS_URL": "redis://cluster.example.net:6379/0", "REDIS_CLUSTER": "true"})
	require.NoError(t, err)
	require.True(t, c.ClusterRedis(), "a Cluster behind one address")

	_, err = load(map[string]string{"REDIS_URL": "redis://redis-1:6379/3", "REDIS_ADDRS": "redis-2:6379"})
	require.ErrorContains(t, err, "database 0", "a Cluster has no database 3: keys would mix with database 0's")
}

func TestMalformedOperatorSettingsAreNamed(t *testing.T) {
	cases := map[string]map[string]string{
		"LOG_LEVEL":                   {"LOG_LEVEL": "verbose"},
		"ADMIN_ADDR":                  {"ADMIN_ADDR": "localhost"},
		"OTEL_EXPORTER_OTLP_ENDPOINT": {"OTEL_EXPORTER_OTLP_ENDPOINT": "otel:4318"},
		"DB_MAX_CONNS":                {"DB_MAX_CONNS": "1"},
		"REDIS_POOL_SIZE":             {"REDIS_POOL_SIZE": "-3"},
		"REDIS_ADDRS":                 {"REDIS_ADDRS": "redis-2"},
		"REDIS_CLUSTER":               {"REDIS_CLUSTER": "true", "REDIS_SENTINEL_MASTER": "carnet"},
	}
	for name, vars := range cases {
		_, err := load(vars)
		require.Error(t, err, name)
		require.Contains(t, err.Error(), name, "the message names the setting")
	}
}
