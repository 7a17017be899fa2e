#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a file's bytes straight from the operating system. Ripple does without Foundation,
/// whose loading alone would cost every command several milliseconds at start-up.
public enum FileBytes {
    /// The first bytes of the file at `path`, at most `limit` of them; `nil` when it cannot be
    /// opened or read (a folder, say).
    public static func contents(of path: String, upTo limit: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < limit {
            let wanted = Swift.min(chunk.count, limit - bytes.count)
            let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { return nil }
            guard got > 0 else { break }
            bytes.append(contentsOf: chunk[..<got])
        }
        return bytes
    }
}
