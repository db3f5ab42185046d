import Foundation
import StepChangeKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file a report is written to with `--output FILE` (export, compare): an existing file is only
/// replaced with `--force`, and only if it is a regular file — a symbolic link, device, named pipe or
/// directory is refused either way, so `--output /dev/full --force` never replaces a device. A missing
/// folder is refused with a clear message, and the write is durable. Checked before any work is done,
/// so a refusal costs nothing.
struct OutputFile {
    /// The path as the user typed it, for messages.
    let typed: String
    let url: URL
    let fileExtension: String

    /// The `--output` file of this invocation, or nil for standard output. Refuses an existing file
    /// without `--force`, and anything but a regular file either way.
    static func checked(_ invocation: Invocation, context: CommandContext, fileExtension: String) throws(StepChangeError) -> OutputFile? {
        guard let typed = invocation.value("output") else { return nil }
        let output = OutputFile(typed: typed, url: context.url(typed), fileExtension: fileExtension)
        if let kind = output.existingKind {
            if kind != S_IFREG { throw output.notAFile(kind) }
            if !invocation.flag("force") {
                throw StepChangeError(.input, "\(typed) already exists; it has not been changed.",
                                      hint: "Add --force to replace it, or choose another --output.")
            }
        }
        return output
    }

    /// Writes the report, once its folder is known to exist and the path is not anything but a regular file.
    func write(_ data: Data, context: CommandContext) throws(StepChangeError) {
        var isDirectory: ObjCBool = false
        let folder = url.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StepChangeError(.input, "Cannot write \(typed): the folder \(context.displayPath(folder)) does not exist.",
                                  hint: "Create the folder first, or choose another --output.")
        }
        if let kind = existingKind, kind != S_IFREG { throw notAFile(kind) }
        DurableFile.removeLeftovers(of: url)
        try DurableFile.write(data, to: url)
    }

    /// The type bits of what is at the path itself (a link is not followed), or nil when nothing is.
    private var existingKind: mode_t? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    private func notAFile(_ kind: mode_t) -> StepChangeError {
        if kind == S_IFDIR {
            return StepChangeError(.input, "\(typed) is a directory, not a file.", hint: "Give a file name, such as \(typed)/report.\(fileExtension).")
        }
        return StepChangeError(.input, "\(typed) is \(DurableFile.kind(of: kind)), not a regular file; it has not been changed.",
                               hint: "Only a regular file is ever replaced, even with --force. Choose another --output.")
    }
}
