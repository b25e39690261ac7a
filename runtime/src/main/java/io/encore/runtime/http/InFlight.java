package io.encore.runtime.http;

/**
 * Counts exchanges being handled so {@link HttpApi#close()} can let them finish, up to a bound, before it
 * drops connections: the JDK server's own grace period waits its full length even when idle on Java 17.
 */
final class InFlight {

    private final Object lock = new Object();
    private int count;

    void enter() {
        synchronized (lock) {
            count++;
        }
    }

    void exit() {
        synchronized (lock) {
            count--;
            lock.notifyAll();
        }
    }

    /** Waits until no exchange is in flight or {@code millis} have passed; true when none is left. */
    boolean awaitIdle(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (lock) {
            while (count > 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    return false;
                }
                lock.wait(left);
            }
            return true;
        }
    }
}
