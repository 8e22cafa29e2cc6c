import Foundation
import Synchronization

/// Reads a payload's fields as `TrailFields.reference` does, without JSON: an `Encoder` that keeps each
/// top-level value as its text (strings as they are, Booleans `true`/`false`, integers in decimal, lists
/// joined by commas). It gives up (nil) wherever JSON's reading is not plainly the same: a nested object, a
/// null, a number other than `Int` or a `Double` that JSON would not write as it is, a key given twice.
struct FieldsEncoder {
    /// Nil: not a plain payload (the caller reads it through JSON).
    static func fields(of value: any Encodable) -> [String: String]? {
        let box = Box()
        do { try value.encode(to: Top(box: box)) } catch { return nil }
        return box.failed ? nil : box.fields
    }

    final class Box {
        var fields: [String: String] = [:]
        var failed = false
    }

    struct GiveUp: Error {}

    /// JSONEncoder's snake_case for each key, asked of JSONEncoder itself once per key.
    static let keys = Mutex<[String: String]>([:])

    static func snakeCase(_ key: String) -> String? {
        if let k = keys.withLock({ $0[key] }) { return k }
        struct One: Encodable {
            let key: String
            struct K: CodingKey {
                var stringValue: String
                init(stringValue: String) { self.stringValue = stringValue }
                var intValue: Int? { nil }
                init?(intValue: Int) { nil }
            }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: K.self)
                try c.encode(0, forKey: K(stringValue: key))
            }
        }
        guard let data = try? TrailFields.encoder.encode(One(key: key)),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], object.count == 1, let converted = object.keys.first
        else { return nil }
        keys.withLock { $0[key] = converted }
        return converted
    }

    /// A number as JSON writes it and `TrailFields.Leaf` reads it back: an integral value within 2^53 is read
    /// as an integer (`2.0` → `2`); other finite values within that range as Swift writes the Double; the
    /// rest gives up.
    static func text(_ d: Double) throws -> String {
        guard d.isFinite, abs(d) < 9_007_199_254_740_992 else { throw GiveUp() }
        if d == d.rounded(.towardZero) { return String(Int(d)) }
        guard abs(d) >= 1e-6 else { throw GiveUp() }  // JSON's exponent forms are left to JSON
        return String(d)
    }

    // MARK: The top level: one keyed container

    struct Top: Encoder {
        let box: Box
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> { KeyedEncodingContainer(Keyed<Key>(box: box)) }
        func unkeyedContainer() -> any UnkeyedEncodingContainer { box.failed = true; return List(box: box) }
        func singleValueContainer() -> any SingleValueEncodingContainer { box.failed = true; return One(box: box) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        var codingPath: [any CodingKey] { [] }

        func put(_ text: String, _ key: Key) throws {
            guard let name = FieldsEncoder.snakeCase(key.stringValue), box.fields[name] == nil else { throw GiveUp() }
            box.fields[name] = text
        }

        mutating func encodeNil(forKey key: Key) throws { throw GiveUp() }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try put(value ? "true" : "false", key) }
        mutating func encode(_ value: String, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try put(String(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try put(try FieldsEncoder.text(value), key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { throw GiveUp() }
        mutating func encode(_ value: Int8, forKey key: Key) throws { throw GiveUp() }
        mutating func encode(_ value: Int16, forKey key: Key) throws { throw GiveUp() }
        mutating func encode(_ value: Int32, forKey key: Key) throws { throw GiveUp() }
        mutating func encode(_ value: Int64, forKey key: Key) throws { throw GiveUp() }
        mutating func encode(_ value: UInt, forKey key: Key) throws { throw GiveUp() }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { throw GiveUp() }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { throw GiveUp() }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { throw GiveUp() }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { throw GiveUp() }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try put(try FieldsEncoder.leaf(value), key) }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
            box.failed = true
            return KeyedEncodingContainer(Keyed<N>(box: Box()))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { box.failed = true; return List(box: Box()) }
        mutating func superEncoder() -> any Encoder { box.failed = true; return Top(box: Box()) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { box.failed = true; return Top(box: Box()) }
    }

    // MARK: A value below the top: a text, a number, a Boolean or a list of them

    /// The text of a value that is not a plain Swift one (an enum with a raw value, a date type, an id, a list).
    static func leaf<T: Encodable>(_ value: T) throws -> String {
        switch value {
        case let s as String: return s
        case let b as Bool: return b ? "true" : "false"
        case let i as Int: return String(i)
        case let d as Double: return try text(d)
        case is Date, is Data, is URL, is Decimal: throw GiveUp()  // JSONEncoder gives these forms of its own
        default:
            let leaf = Leaf()
            try value.encode(to: leaf)
            guard let text = leaf.text, !leaf.failed else { throw GiveUp() }
            return text
        }
    }

    /// Collects one value's text: a single value, or a list's items joined by commas.
    final class Leaf: Encoder {
        var text: String?
        var failed = false
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            failed = true
            return KeyedEncodingContainer(Keyed<Key>(box: Box()))
        }
        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if text != nil { failed = true }
            let box = Box()
            return ListInto(leaf: self, box: box)
        }
        func singleValueContainer() -> any SingleValueEncodingContainer { OneInto(leaf: self) }
    }

    struct OneInto: SingleValueEncodingContainer, OddNumbersGiveUp {
        let leaf: Leaf
        var codingPath: [any CodingKey] { [] }
        func set(_ t: String) throws {
            guard leaf.text == nil else { throw GiveUp() }
            leaf.text = t
        }
        mutating func encodeNil() throws { throw GiveUp() }
        mutating func encode(_ value: Bool) throws { try set(value ? "true" : "false") }
        mutating func encode(_ value: String) throws { try set(value) }
        mutating func encode(_ value: Int) throws { try set(String(value)) }
        mutating func encode(_ value: Double) throws { try set(try FieldsEncoder.text(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { try set(try FieldsEncoder.leaf(value)) }
    }

    /// A list's items, each a leaf, joined by commas into the leaf it belongs to.
    struct ListInto: UnkeyedEncodingContainer, OddNumbersGiveUp {
        let leaf: Leaf
        let box: Box
        var codingPath: [any CodingKey] { [] }
        var count: Int { items.count }
        private var items: [String] = []
        init(leaf: Leaf, box: Box) {
            (self.leaf, self.box) = (leaf, box)
            leaf.text = ""
        }
        mutating func add(_ t: String) {
            items.append(t)
            leaf.text = items.joined(separator: ",")
        }
        mutating func encodeNil() throws { throw GiveUp() }
        mutating func encode(_ value: Bool) throws { add(value ? "true" : "false") }
        mutating func encode(_ value: String) throws { add(value) }
        mutating func encode(_ value: Int) throws { add(String(value)) }
        mutating func encode(_ value: Double) throws { add(try FieldsEncoder.text(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { add(try FieldsEncoder.leaf(value)) }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type) -> KeyedEncodingContainer<N> {
            leaf.failed = true
            return KeyedEncodingContainer(Keyed<N>(box: Box()))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { leaf.failed = true; return List(box: Box()) }
        mutating func superEncoder() -> any Encoder { leaf.failed = true; return Top(box: Box()) }
    }

    /// A container whose contents are never used (the reading has given up already).
    struct List: UnkeyedEncodingContainer {
        let box: Box
        var codingPath: [any CodingKey] { [] }
        var count: Int { 0 }
        mutating func encodeNil() throws { throw GiveUp() }
        mutating func encode<T: Encodable>(_ value: T) throws { throw GiveUp() }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type) -> KeyedEncodingContainer<N> { KeyedEncodingContainer(Keyed<N>(box: box)) }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { self }
        mutating func superEncoder() -> any Encoder { Top(box: box) }
    }

    struct One: SingleValueEncodingContainer {
        let box: Box
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil() throws { throw GiveUp() }
        mutating func encode<T: Encodable>(_ value: T) throws { throw GiveUp() }
    }
}

/// Numbers other than `Int` and `Double` are left to JSON's reading (single values and list items alike).
protocol OddNumbersGiveUp {}

extension OddNumbersGiveUp {
    mutating func encode(_ value: Float) throws { throw FieldsEncoder.GiveUp() }
    mutating func encode(_ value: Int8) throws { throw FieldsEncoder.GiveUp() }
    mutating func encode(_ value: Int16) throws { throw FieldsEncoder.GiveUp() }
    mutating func encode(_ value: Int32) throws { throw FieldsEncoder.GiveUp() }
    mutating func encode(_ value: Int64) throws { throw FieldsEncoder.GiveUp() }
    mutating func encode(_ value: UInt) throws { throw FieldsEncoder.GiveUp() }
    mutating func encode(_ value: UInt8) throws { throw FieldsEncoder.GiveUp() }
    mutating func encode(_ value: UInt16) throws { throw FieldsEncoder.GiveUp() }
    mutating func encode(_ value: UInt32) throws { throw FieldsEncoder.GiveUp() }
    mutating func encode(_ value: UInt64) throws { throw FieldsEncoder.GiveUp() }
}
