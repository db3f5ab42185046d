import Foundation
import StepChangeKit

/// The file a report is written to with `--output FILE` (export, compare): an existing file is only
/// replaced with `--force`, a directory or a missing folder is refused with a clear message, and the
/// write is durable. Checked before any work is done, so a refusal costs nothing.
struct OutputFile {
    /// The path as the user typed it, for messages.
    let typed: String
    let url: URL
    let fileExtension: String

    /// The `--output` file of this invocation, or nil for standard output. Refuses an existing file
    /// without `--force`, and a directory either way.
    static func checked(_ invocation: Invocation, context: CommandContext, fileExtension: String) throws(StepChangeError) -> OutputFile? {
        guard let typed = invocation.value("output") else { return nil }
        let output = OutputFile(typed: typed, url: context.url(typed), fileExtension: fileExtension)
        if !invocation.flag("force") {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: output.url.path, isDirectory: &isDirectory) {
                if isDirectory.boolValue { throw output.isADirectory }
                throw StepChangeError(.input, "\(typed) already exists; it has not been changed.",
                                      hint: "Add --force to replace it, or choose another --output.")
            }
        }
        return output
    }

    /// Writes the report, once its folder is known to exist and the path is not a directory.
    func write(_ data: Data, context: CommandContext) throws(StepChangeError) {
        var isDirectory: ObjCBool = false
        let folder = url.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StepChangeError(.input, "Cannot write \(typed): the folder \(context.displayPath(folder)) does not exist.",
                                  hint: "Create the folder first, or choose another --output.")
        }
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw isADirectory
        }
        try DurableFile.write(data, to: url)
    }

    private var isADirectory: StepChangeError {
        StepChangeError(.input, "\(typed) is a directory, not a file.", hint: "Give a file name, such as \(typed)/report.\(fileExtension).")
    }
}
