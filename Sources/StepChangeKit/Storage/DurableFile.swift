import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that a crash at any moment leaves either the old or the new contents:
/// a temporary file in the same directory, fsync, rename over the target, fsync the directory.
/// The temporary is created exclusively at an unpredictable name and never through a symbolic link
/// (`O_CREAT|O_EXCL|O_NOFOLLOW`), so nothing planted in a shared folder is ever written through; it is
/// given the replaced file's owner, group and mode before the rename, so a private file stays private.
/// Only a regular file is ever replaced: a link, device or directory at the target is refused.
public enum DurableFile {
    public static func write(_ data: some ContiguousBytes, to url: URL, calls: FileSystemCalls = SystemFileCalls()) throws(StepChangeError) {
        _ = try store(data, at: url, replacing: true, permissions: nil, calls: calls)
    }

    /// Writes the file made of `pieces` in order, the same way, with gathered writes (`writev`): for
    /// contents held in several places, which are then never copied into one buffer first.
    public static func write(gathering pieces: [UnsafeRawBufferPointer], to url: URL, calls: FileSystemCalls = SystemFileCalls()) throws(StepChangeError) {
        _ = try store(pieces, at: url, replacing: true, permissions: nil, calls: calls)
    }

    /// Writes the same way, the new file having exactly `permissions` (e.g. 0o600 for a file of
    /// secrets) from the moment it exists, whatever the umask or the replaced file's mode.
    public static func write(_ data: some ContiguousBytes, to url: URL, permissions: mode_t, calls: FileSystemCalls = SystemFileCalls()) throws(StepChangeError) {
        _ = try store(data, at: url, replacing: true, permissions: permissions, calls: calls)
    }

    /// Writes a new file the same way, but never replaces one: returns false, changing nothing, when
    /// a file already exists at `url` (another process may have just created it).
    public static func create(_ data: Data, at url: URL, calls: FileSystemCalls = SystemFileCalls()) throws(StepChangeError) -> Bool {
        try store(data, at: url, replacing: false, permissions: nil, calls: calls)
    }

    /// The name of a temporary for `url`: hidden, next to it, with the writer's process id (so a
    /// leftover can be recognised as a dead process's) and 64 random bits (so no one can predict it).
    static func temporaryName(for url: URL) -> String {
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return "." + url.lastPathComponent + ".\(getpid()).\(String(repeating: "0", count: 16 - random.count) + random).tmp"
    }

    /// Removes temporaries of `url` left behind by processes on this machine that no longer exist
    /// (killed in the middle of a save). Temporaries of running processes are left alone.
    /// The folder is read with readdir and only names starting with the temporaries' prefix become
    /// Strings, so a crowded folder (an export into /tmp) costs a byte comparison per entry.
    public static func removeLeftovers(of url: URL) {
        let directory = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + "."
        for name in names(in: directory, startingWith: prefix) where name.hasSuffix(".tmp") {
            let middle = name.dropFirst(prefix.count).dropLast(".tmp".count).split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(middle.count), let pid = Int32(middle[0]), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink(directory + "/" + name)
            }
        }
    }

    /// The names in `directory` that start with `prefix`; none when it cannot be read.
    static func names(in directory: String, startingWith prefix: String) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        let wanted = Array(prefix.utf8)
        var found: [String] = []
        while let entry = readdir(stream) {
            let matches = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> Bool in
                let name = raw.bindMemory(to: UInt8.self)
                guard name.count > wanted.count else { return false }
                for index in wanted.indices where name[index] != wanted[index] { return false }
                return true
            }
            if matches {
                found.append(withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                })
            }
        }
        return found
    }

    private static func store(_ data: some ContiguousBytes, at url: URL, replacing: Bool, permissions: mode_t?, calls: FileSystemCalls) throws(StepChangeError) -> Bool {
        let result = data.withUnsafeBytes { buffer -> Result<Bool, StepChangeError> in
            do throws(StepChangeError) {
                return .success(try store([buffer], at: url, replacing: replacing, permissions: permissions, calls: calls))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func store(_ pieces: [UnsafeRawBufferPointer], at url: URL, replacing: Bool, permissions: mode_t?, calls: FileSystemCalls) throws(StepChangeError) -> Bool {
        let directory = url.deletingLastPathComponent().path
        var original = stat()
        let exists = calls.lstat(url.path, &original) == 0
        if exists {
            guard (original.st_mode & S_IFMT) == S_IFREG else {
                throw StepChangeError(.input, "Could not save \(url.path): it is \(kind(of: original.st_mode)), not a regular file; it has not been changed.",
                                      hint: "Only regular files are ever replaced. Choose another file name.")
            }
            if !replacing { return false }
        }
        var temporary = ""
        var fd: Int32 = -1
        for _ in 0..<16 {
            temporary = directory + "/" + temporaryName(for: url)
            fd = calls.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions ?? (exists ? 0o600 : 0o666))
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw failure("could not create a temporary file in \(directory) (\(String(cString: strerror(errno))))", url: url) }
        func abandon(_ what: String, _ code: Int32) -> StepChangeError {
            _ = calls.close(fd)
            _ = calls.unlink(temporary)
            return failure("\(what) (\(String(cString: strerror(code))))", url: url)
        }
        if exists {
            var mode = original.st_mode & 0o777
            if calls.fchown(fd, original.st_uid, original.st_gid) != 0 && calls.fchown(fd, uid_t.max, original.st_gid) != 0 {
                // The group cannot be kept: never let the new file be readable by more people than before.
                mode &= 0o700
            }
            if calls.fchmod(fd, permissions ?? mode) != 0 { throw abandon("could not give the new file the old one's permissions", errno) }
        } else if let permissions, calls.fchmod(fd, permissions) != 0 {
            throw abandon("could not set the new file's permissions", errno)
        }
        let code = writeAll(pieces, to: fd, calls: calls)
        if code != 0 { throw abandon("could not write the file", code) }
        if calls.fsync(fd) != 0 { throw abandon("could not write the file", errno) }
        if calls.close(fd) != 0 {
            let closing = errno
            _ = calls.unlink(temporary)
            throw failure("could not write the file (\(String(cString: strerror(closing))))", url: url)
        }
        if !replacing {
            // link() fails with EEXIST rather than replace; where links are not supported, check first.
            let linked = calls.link(temporary, url.path) == 0
            let linkError = errno
            var existing = stat()
            if linked || linkError == EEXIST || calls.lstat(url.path, &existing) == 0 {
                _ = calls.unlink(temporary)
                if !linked { return false }
                syncDirectory(directory, calls: calls)
                return true
            }
        }
        guard calls.rename(temporary, url.path) == 0 else {
            let renaming = errno
            _ = calls.unlink(temporary)
            throw failure("could not replace the file (\(String(cString: strerror(renaming))))", url: url)
        }
        syncDirectory(directory, calls: calls)
        return true
    }

    /// Writes every piece in order, carrying on after short writes; 0, or the `errno` of the failure.
    private static func writeAll(_ pieces: [UnsafeRawBufferPointer], to fd: Int32, calls: FileSystemCalls) -> Int32 {
        var vectors = pieces.compactMap { piece -> iovec? in
            guard let base = piece.baseAddress, piece.count > 0 else { return nil }
            return iovec(iov_base: UnsafeMutableRawPointer(mutating: base), iov_len: piece.count)
        }
        var next = 0
        while next < vectors.count {
            let n = vectors.withUnsafeBufferPointer { all in
                calls.writev(fd, all.baseAddress! + next, Int32(min(all.count - next, 1024)))
            }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            var left = n
            while left > 0, next < vectors.count {
                if left >= vectors[next].iov_len {
                    left -= vectors[next].iov_len
                    next += 1
                } else {
                    vectors[next].iov_base = vectors[next].iov_base.map { $0 + left }
                    vectors[next].iov_len -= left
                    left = 0
                }
            }
        }
        return 0
    }

    private static func syncDirectory(_ directory: String, calls: FileSystemCalls) {
        let directoryFD = calls.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        if directoryFD >= 0 {
            _ = calls.fsync(directoryFD)
            _ = calls.close(directoryFD)
        }
    }

    /// "a symbolic link", "a directory", "a device"…: what a file-system object is, in words.
    public static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFLNK: "a symbolic link"
        case S_IFDIR: "a directory"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFIFO: "a named pipe"
        case S_IFSOCK: "a socket"
        default: "a regular file"
        }
    }

    private static func failure(_ what: String, url: URL) -> StepChangeError {
        StepChangeError(.input, "Could not save \(url.path): \(what).",
                        hint: "Any earlier version of the file is intact. Check there is free disk space and that the directory is writable.")
    }
}
