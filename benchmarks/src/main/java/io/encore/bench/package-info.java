/**
 * JMH benchmarks of scoring-stream's per-event hot path (the dot-product kernel, the eight models, the
 * ranker) on a seeded synthetic catalogue, so that a change to the kernel or a model is judged by a
 * measurement taken beside a baseline in the same run, not by a figure from another day.
 */
package io.encore.bench;
