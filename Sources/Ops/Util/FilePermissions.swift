import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// POSIX permission bits and atomic replace, the same on Linux and macOS.
enum FilePermissions {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The file's permission bits (e.g. 0o600), nil when it cannot be read.
    static func of(_ path: String) -> Int? {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue
    }

    /// chmod.
    static func set(_ path: String, _ mode: Int) throws {
        try FileManager.default.setAttributes([.posixPermissions: NSNumber(value: mode)], ofItemAtPath: path)
    }

    /// rename(2): atomically puts `source` at `destination`, replacing what was there.
    static func replace(_ destination: String, with source: String) throws {
        guard rename(source, destination) == 0 else {
            throw Failure(description: "rename: \(String(cString: strerror(errno)))")
        }
    }
}
