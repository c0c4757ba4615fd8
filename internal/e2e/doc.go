// Package e2e drives Carnet in headless Chromium, as salons and clients use it.
package e2e
