import Foundation
import StepChangeCLI
import StepChangeKit
#if canImport(Glibc)
import Glibc
#endif

// A file-size limit (ulimit -f) must give a clear "could not save" error, not kill the process mid-write.
signal(SIGXFSZ, SIG_IGN)
// A standard stream that was closed (`>&-`) gets a descriptor that reads nothing and refuses writes,
// so no file stepchange opens (a lock, a temporary) can take its number and receive its output.
for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 {
    _ = open("/dev/null", O_RDONLY)
}
// A reader that goes away (`| head`) must end the command with a message and the lock released, not kill
// it: with SIGPIPE ignored a write fails with EPIPE, which every write reports.
signal(SIGPIPE, SIG_IGN)
// Keep freed heap memory for reuse, so saving after every answer does not unmap and re-fault the same
// pages each time (see HeapSettings).
HeapSettings.keepFreedMemory()
let currentDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let context = CommandContext(terminal: ProcessTerminal(), environment: ProcessInfo.processInfo.environment,
                             currentDirectory: currentDirectory,
                             program: ProgramName.command(argv0: CommandLine.arguments.first ?? "stepchange", currentDirectory: currentDirectory))
exit(StepChangeCLI.main(Array(CommandLine.arguments.dropFirst()), context: context))
