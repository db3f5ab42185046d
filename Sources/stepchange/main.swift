import Foundation
import StepChangeCLI

let context = CommandContext(terminal: ProcessTerminal(), environment: ProcessInfo.processInfo.environment,
                             currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
exit(StepChangeCLI.main(Array(CommandLine.arguments.dropFirst()), context: context))
