/// A JSON object that names a key twice cannot be meant: which value counts depends on the parser. The
/// decoders keep one silently, so the raw bytes are read once here: the path of the first key given twice
/// (`applicant.surname`), or nil. Strings are read with their escapes, so a key is compared as written.
enum DuplicateKeys {
    static func first(in data: [UInt8]) -> String? {
        var i = 0
        // Per open container: nil for an array, else the keys seen and the key being read.
        var stack: [(keys: Set<String>?, path: String)] = []
        var expectingKey = false
        var lastKey: String? = nil
        func readString() -> String? {
            // data[i] is the opening quote.
            var bytes: [UInt8] = []
            i += 1
            while i < data.count {
                let c = data[i]
                if c == UInt8(ascii: "\\") {
                    guard i + 1 < data.count else { return nil }
                    bytes.append(c); bytes.append(data[i + 1]); i += 2; continue
                }
                if c == UInt8(ascii: "\"") { i += 1; return String(decoding: bytes, as: UTF8.self) }
                bytes.append(c); i += 1
            }
            return nil
        }
        while i < data.count {
            let c = data[i]
            switch c {
            case UInt8(ascii: "{"):
                let parent = stack.last
                let path = [parent?.path, parent?.keys != nil ? lastKey : nil].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ".")
                stack.append((keys: [], path: path))
                expectingKey = true
                i += 1
            case UInt8(ascii: "["):
                let parent = stack.last
                let path = [parent?.path, parent?.keys != nil ? lastKey : nil].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ".")
                stack.append((keys: nil, path: path))
                expectingKey = false
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                // A close with nothing open is not JSON: the decoder names that, not this scan.
                guard stack.popLast() != nil else { return nil }
                expectingKey = false
                i += 1
            case UInt8(ascii: ","):
                expectingKey = stack.last?.keys != nil
                i += 1
            case UInt8(ascii: "\""):
                guard let s = readString() else { return nil }
                if expectingKey, var top = stack.popLast(), top.keys != nil {
                    if top.keys!.contains(s) { return top.path.isEmpty ? s : top.path + "." + s }
                    top.keys!.insert(s)
                    stack.append(top)
                    lastKey = s
                    expectingKey = false
                }
            default:
                i += 1
            }
        }
        return nil
    }
}
