import Foundation
import StepChangeCLI
#if canImport(Glibc)
import Glibc
#endif

// A file-size limit (ulimit -f) must give a clear "could not save" error, not kill the process mid-write.
signal(SIGXFSZ, SIG_IGN)
let currentDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let context = CommandContext(terminal: ProcessTerminal(), environment: ProcessInfo.processInfo.environment,
                             currentDirectory: currentDirectory,
                             program: ProgramName.command(argv0: CommandLine.arguments.first ?? "stepchange", currentDirectory: currentDirectory))
exit(StepChangeCLI.main(Array(CommandLine.arguments.dropFirst()), context: context))
