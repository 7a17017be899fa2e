import RippleCommands

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(Ripple.main(Array(CommandLine.arguments.dropFirst())))
