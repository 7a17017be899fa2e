import RippleCommands

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A write to a closed pipe (`ripple run … | head`) fails with EPIPE instead of killing the
// process: the console reports it as any failed write, exit status 2, and a run's report,
// which does not depend on the terminal, is still written.
signal(SIGPIPE, SIG_IGN)
exit(Ripple.main(Array(CommandLine.arguments.dropFirst())))
