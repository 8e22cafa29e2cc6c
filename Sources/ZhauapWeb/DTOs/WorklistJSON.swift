import NIOCore
import Vapor
import ZhauapDomain

/// The worklist's JSON written straight into the response's buffer: the same document the configured
/// `JSONEncoder` writes (keys sorted, absent optionals left out, slashes unescaped), without its generic
/// containers — a worklist of 100 rows is the commonest answer of the API, and its encoding was the largest
/// part of its cost (`zhauap bench http`).
struct JSONWriter {
    private(set) var buffer: ByteBuffer

    init(capacity: Int) { buffer = ByteBufferAllocator().buffer(capacity: capacity) }

    mutating func raw(_ s: StaticString) { buffer.writeStaticString(s) }

    /// A JSON string: `"`, `\` and the control characters escaped (RFC 8259 §7), everything else as UTF-8.
    mutating func string(_ s: String) {
        buffer.writeInteger(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for (i, b) in bytes.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<i]))
                switch b {
                case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x08: buffer.writeStaticString("\\b")
                case 0x0C: buffer.writeStaticString("\\f")
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    buffer.writeStaticString("\\u00")
                    buffer.writeBytes([hex[Int(b >> 4)], hex[Int(b & 0x0F)]])
                }
                start = i + 1
            }
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start...]))
        }
        buffer.writeInteger(UInt8(ascii: "\""))
    }

    /// `"key":value` for a present value, nothing for an absent one; `first` says whether a comma goes before.
    mutating func member(_ key: StaticString, _ value: String?, first: inout Bool) {
        guard let value else { return }
        if !first { raw(",") }
        first = false
        buffer.writeInteger(UInt8(ascii: "\""))
        buffer.writeStaticString(key)
        raw("\":")
        string(value)
    }
}

extension WorklistRow {
    /// The row as its `Codable` form encodes it, keys in sorted order.
    func write(to w: inout JSONWriter) {
        var first = true
        w.raw("{")
        w.member("applicant", applicant, first: &first)
        w.member("executorID", executorID?.uuidString, first: &first)
        w.member("finalDue", finalDue, first: &first)
        w.member("id", id.uuidString, first: &first)
        w.member("kind", kind, first: &first)
        w.member("nearDue", nearDue, first: &first)
        w.member("nearPurpose", nearPurpose, first: &first)
        w.member("nextDue", nextDue, first: &first)
        w.member("number", number, first: &first)
        w.member("registeredOn", registeredOn, first: &first)
        w.member("state", state, first: &first)
        w.member("subject", subject, first: &first)
        w.raw("}")
    }
}

extension AppealsController.Worklist {
    /// `{"items":[…]}` written by `JSONWriter`.
    var json: ByteBuffer {
        var w = JSONWriter(capacity: 64 + items.count * 400)
        w.raw("{\"items\":[")
        for (i, row) in items.enumerated() {
            if i > 0 { w.raw(",") }
            row.write(to: &w)
        }
        w.raw("]}")
        return w.buffer
    }

    func encodeResponse(for request: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(buffer: json))
    }
}
