import Foundation

import NIOFoundationEssentialsCompat
import Vapor
import ZhauapDocuments

/// Real files for the case-file tests: PDFs with a given number of pages, a PNG, a DOCX-shaped package, and
/// the multipart bodies that carry them.
public enum TestFiles {
    /// A valid PDF of `pages` A4 pages, each saying `text` (no digits, so sheet numbers stamped later stand out).
    public static func pdf(pages: Int, text: String = "Evidence page") -> Data { SamplePDF.make(pages: pages, text: text) }

    /// A 1×1 PNG.
    public static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")!

    /// Bytes that start as a Windows executable.
    public static let executable = Data([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00] + Array(repeating: UInt8(0x41), count: 500))

    public static let boundary = "zhauap-test-7f3a9c"

    /// A multipart/form-data body with the fields and, if given, the file as part `file`.
    public static func multipart(_ fields: [(String, String)], file: (name: String, type: String, data: Data)?) -> (HTTPHeaders, ByteBuffer) {
        var body = Data()
        for (k, v) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8)
        }
        if let file {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n".utf8)
            body += file.data
            body += Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return (headers, ByteBuffer(data: body))
    }
}
