/// Initial passwords for new users and resets: 16 characters from an alphabet without look-alikes
/// (no 0/O, 1/l/I, 5/S), from the system's secure generator.
public enum Passwords {
    public static let minimumLength = 10

    public static func generate() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY346789")
        var rng = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
    }
}
