import Foundation

/// Writes a framework in the file format `Frameworks/*.json` uses: pretty-printed, keys sorted.
public enum FrameworkCodec {
    public static func encode(_ framework: Framework) -> Data {
        do {
            var data = try CanonicalJSON.encode(framework)
            data.append(UInt8(ascii: "\n"))
            return data
        } catch {
            preconditionFailure("A Framework always encodes: \(error)")
        }
    }
}
