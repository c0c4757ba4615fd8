package main

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"
)

// balancer plays a load balancer in front of the instances: it sends each
// request, on a new connection, to the next instance in rotation, and takes
// an instance out of rotation as soon as its /readyz stops answering 200.
type balancer struct {
	path    string
	mu      sync.Mutex
	live    []*instance
	next    int
	served  map[*instance]int // answered 200, by instance
	fails   []string
	stopped chan struct{}
	once    sync.Once
	wg      sync.WaitGroup
	removed chan *instance
}

var visitor = &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}

// balance starts sending GET path with the given number of concurrent
// visitors, and probing /readyz every 20 ms.
func balance(insts []*instance, path string, visitors int) *balancer {
	b := &balancer{path: path, live: slices.Clone(insts), served: map[*instance]int{},
		stopped: make(chan struct{}), removed: make(chan *instance, len(insts))}
	b.wg.Add(visitors + 1)
	go b.probe()
	for range visitors {
		go b.visit()
	}
	return b
}

func (b *balancer) probe() {
	defer b.wg.Done()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-b.stopped:
			return
		case <-tick.C:
		}
		b.mu.Lock()
		live := slices.Clone(b.live)
		b.mu.Unlock()
		for _, in := range live {
			if !in.ready() {
				b.mu.Lock()
				b.live = slices.DeleteFunc(b.live, func(x *instance) bool { return x == in })
				b.mu.Unlock()
				b.removed <- in
			}
		}
	}
}

func (b *balancer) visit() {
	defer b.wg.Done()
	for {
		select {
		case <-b.stopped:
			return
		default:
		}
		in := b.pick()
		if in == nil {
			return
		}
		err := b.send(in)
		b.mu.Lock()
		if err != nil {
			b.fails = append(b.fails, fmt.Sprintf("%s: %v", in.name, err))
		} else {
			b.served[in]++
		}
		b.mu.Unlock()
	}
}

func (b *balancer) pick() *instance {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.live) == 0 {
		return nil
	}
	b.next = (b.next + 1) % len(b.live)
	return b.live[b.next]
}

func (b *balancer) send(in *instance) error {
	res, err := visitor.Get(in.base + b.path)
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if err == nil && res.StatusCode != http.StatusOK {
		err = fmt.Errorf("status %d", res.StatusCode)
	}
	return err
}

// count is how many requests the instance has answered.
func (b *balancer) count(in *instance) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.served[in]
}

// stop ends the traffic and returns the failures seen.
func (b *balancer) stop() []string {
	b.once.Do(func() { close(b.stopped) })
	b.wg.Wait()
	return b.fails
}
