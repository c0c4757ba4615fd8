package server_test

import (
	"errors"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// TestShutdownDrainsBeforeClosing plays a deploy: visitors keep opening new
// connections while the server is told to stop. /readyz must fail first;
// everything sent until the load balancer has seen that (well within the
// drain delay) is answered; only then does the server stop accepting.
func TestShutdownDrainsBeforeClosing(t *testing.T) {
	const drain = 1500 * time.Millisecond
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true, Config: func(v map[string]string) {
		v["DRAIN_DELAY"] = drain.String()
	}})
	sal := env.NewSalon("Salon Drain")
	fresh := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	require.Equal(t, http.StatusOK, status(t, fresh, env.URL+"/readyz"))

	var (
		stopSending         = make(chan struct{})
		answered, afterStop atomic.Int64
		stopping            atomic.Bool
		notReady            atomic.Bool // the load balancer has seen /readyz fail
		servedLate          atomic.Int64
		warm                = make(chan struct{}) // every visitor has had a page
		drainingServed      = make(chan struct{}) // pages on connections opened after /readyz failed
		warmOnce, lateOnce  sync.Once
		mu                  sync.Mutex
		failures            []error
		wg                  sync.WaitGroup
	)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stopSending:
					return
				default:
				}
				during, late := stopping.Load(), notReady.Load()
				res, err := fresh.Get(env.URL + "/b/" + sal.Slug)
				if err == nil {
					_, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if err == nil && res.StatusCode != http.StatusOK {
						err = errors.New(res.Status)
					}
				}
				if err != nil {
					mu.Lock()
					failures = append(failures, err)
					mu.Unlock()
					continue
				}
				if answered.Add(1) >= 8 {
					warmOnce.Do(func() { close(warm) })
				}
				if during {
					afterStop.Add(1)
				}
				if late && servedLate.Add(1) >= 8 {
					lateOnce.Do(func() { close(drainingServed) })
				}
			}
		}()
	}
	waitFor(t, warm, "the visitors get pages before the stop")

	stopping.Store(true)
	stoppedAt := time.Now()
	served := env.Shutdown()

	// The load balancer probes /readyz and stops sending once it fails.
	// It probes again at once until /readyz fails, within the drain delay.
	probes := 0
	for status(t, fresh, env.URL+"/readyz") != http.StatusServiceUnavailable {
		probes++
		require.Less(t, time.Since(stoppedAt), drain, "/readyz fails within the drain delay (%d probes answered 200)", probes)
	}
	notReadyAt := time.Now()
	notReady.Store(true)
	// Connections opened after that are still answered: the drain goes on.
	waitFor(t, drainingServed, "new connections are served after /readyz failed")
	close(stopSending)
	wg.Wait()

	require.NoError(t, <-served)
	stoppedIn := time.Since(stoppedAt)
	t.Logf("readyz failed %v after the stop; %d pages answered, %d of them after it; stopped in %v",
		notReadyAt.Sub(stoppedAt).Round(time.Millisecond), answered.Load(), afterStop.Load(), stoppedIn.Round(time.Millisecond))
	require.Empty(t, failures, "every connection opened before the load balancer gave up is answered")
	require.Positive(t, afterStop.Load(), "new connections are still served while draining")
	require.GreaterOrEqual(t, stoppedIn, drain, "the listener stays open for the drain delay")

	_, err := fresh.Get(env.URL + "/healthz")
	require.Error(t, err, "after the drain the server no longer accepts")
}

func status(t *testing.T, c *http.Client, url string) int {
	t.Helper()
	res, err := c.Get(url)
	require.NoError(t, err)
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

// waitFor waits for a signal, failing the test if it does not come in 10 s.
func waitFor(t *testing.T, signal <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-signal:
	case <-time.After(10 * time.Second):
		t.Fatal("gave up waiting: " + what)
	}
}
