import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file a facilitator imports (scores, a survey export, a plan) with its size checked first:
/// a file over the limit is refused from its size on disk, before a byte of it is read, so a wrong
/// multi-gigabyte file costs nothing. Directories and unreadable paths get a message naming them.
public enum ImportFile {
    /// The bytes of the file at `url`, refused when it is larger than `limit`.
    public static func contents(of url: URL, source: String, limit: Int, kind: String = "a file to import") throws(StepChangeError) -> Data {
        var status = stat()
        guard stat(url.path, &status) == 0 else {
            throw StepChangeError(.input, "Cannot read \(source): no such file, or it is not readable.")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw StepChangeError(.input, "Cannot read \(source): it is not a regular file.", hint: "Give the path of the exported file.")
        }
        guard Int(status.st_size) <= limit else {
            throw StepChangeError(.input, "\(source) is \(Int(status.st_size) / 1024 / 1024) MB; \(kind) may be at most \(limit / 1024 / 1024) MB.",
                                  hint: "Check that this is the right file. Nothing was imported.")
        }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw StepChangeError(.input, "Cannot read \(source): no such file, or it is not readable.")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            guard data.count <= limit else {
                throw StepChangeError(.input, "\(source) grew past \(limit / 1024 / 1024) MB while it was read; nothing was imported.")
            }
            return data
        } catch let error as StepChangeError {
            throw error
        } catch {
            throw StepChangeError(.input, "Cannot read \(source): \(error.localizedDescription)")
        }
    }
}
