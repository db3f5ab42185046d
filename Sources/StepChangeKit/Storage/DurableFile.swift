import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that a crash at any moment leaves either the old or the new contents:
/// a temporary file in the same directory, fsync, rename over the target, fsync the directory.
public enum DurableFile {
    public static func write(_ data: Data, to url: URL) throws(StepChangeError) {
        _ = try store(data, at: url, replacing: true)
    }

    /// Writes a new file the same way, but never replaces one: returns false, changing nothing, when
    /// a file already exists at `url` (another process may have just created it).
    public static func create(_ data: Data, at url: URL) throws(StepChangeError) -> Bool {
        try store(data, at: url, replacing: false)
    }

    private static func store(_ data: Data, at url: URL, replacing: Bool) throws(StepChangeError) -> Bool {
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("could not create a temporary file in \(directory) (\(String(cString: strerror(errno))))", url: url) }
        var written = 0
        let ok = data.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            while written < buffer.count {
                let n = Glibc_write(fd, base + written, buffer.count - written)
                if n < 0 { if errno == EINTR { continue }; return false }
                written += n
            }
            return true
        }
        let errorAfterWrite = errno
        if !ok || fsync(fd) != 0 {
            let code = ok ? errno : errorAfterWrite
            close(fd)
            unlink(temporary)
            throw failure("could not write the file (\(String(cString: strerror(code))))", url: url)
        }
        close(fd)
        if !replacing {
            // link() fails with EEXIST rather than replace; where links are not supported, check first.
            let linked = link(temporary, url.path) == 0
            let code = errno
            if linked || code == EEXIST || access(url.path, F_OK) == 0 {
                unlink(temporary)
                if !linked { return false }
                syncDirectory(directory)
                return true
            }
        }
        guard rename(temporary, url.path) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure("could not replace the file (\(String(cString: strerror(code))))", url: url)
        }
        syncDirectory(directory)
        return true
    }

    private static func syncDirectory(_ directory: String) {
        let directoryFD = open(directory, O_RDONLY | O_CLOEXEC)
        if directoryFD >= 0 {
            fsync(directoryFD)
            close(directoryFD)
        }
    }

    private static func failure(_ what: String, url: URL) -> StepChangeError {
        StepChangeError(.input, "Could not save \(url.path): \(what).",
                        hint: "The previous version of the file is intact. Check there is free disk space and that the directory is writable.")
    }

    private static func Glibc_write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, buffer, count)
        #else
        return Darwin.write(fd, buffer, count)
        #endif
    }
}
