#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutual-exclusion lock over the operating system's mutex, for the little state that
/// threads running independent simulations share (which job is next, progress lines).
public final class Lock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    /// An unlocked lock.
    public init() {
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Waits until no other thread holds the lock, and takes it.
    public func lock() {
        pthread_mutex_lock(mutex)
    }

    /// Gives the lock back.
    public func unlock() {
        pthread_mutex_unlock(mutex)
    }
}
