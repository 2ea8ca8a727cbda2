import Foundation

/// Syntax checks for `mailto:` and `tel:` links. Nothing is sent: an address can only be proved
/// to exist by writing to it, and a number by calling it.
public enum ContactSyntax {
    /// `nil` when `mailto:` link is well formed, else the reason.
    public static func mailtoProblem(_ link: String) -> String? {
        let body = link.dropFirst("mailto:".count)
        let addresses = body.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let decoded = String(addresses).removingPercentEncoding ?? String(addresses)
        if decoded.trimmingCharacters(in: .whitespaces).isEmpty { return "it names no address" }
        for address in decoded.split(separator: ",") {
            if let reason = addressProblem(address.trimmingCharacters(in: .whitespaces)) { return reason }
        }
        return nil
    }

    static let localCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.")

    static func addressProblem(_ address: String) -> String? {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return parts.count < 2 ? "'\(address)' has no '@'" : "'\(address)' has more than one '@'"
        }
        let local = parts[0], domain = parts[1]
        if local.isEmpty || local.count > 64 { return "'\(address)' has no name before the '@'" }
        if !local.allSatisfy(localCharacters.contains) || local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
            return "the name '\(local)' before the '@' contains characters an address cannot have"
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "the domain '\(domain)' has no dot (such as example.org)" }
        for label in labels {
            let valid = !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
            if !valid { return "the domain '\(domain)' is not a valid host name" }
        }
        return nil
    }

    /// `nil` when a `tel:` link is well formed (RFC 3966), else the reason.
    public static func telProblem(_ link: String) -> String? {
        let body = link.dropFirst("tel:".count)
        let parts = body.split(separator: ";", omittingEmptySubsequences: false)
        let number = (String(parts.first ?? "").removingPercentEncoding ?? String(parts.first ?? ""))
        let hasContext = parts.dropFirst().contains { $0.lowercased().hasPrefix("phone-context=") }
        let visual = Set("-.() ")
        let digits = number.filter(\.isASCII).filter(\.isNumber)
        let rest = number.hasPrefix("+") ? number.dropFirst() : Substring(number)
        if number.isEmpty { return "it has no number" }
        if !rest.allSatisfy({ ($0.isASCII && $0.isNumber) || visual.contains($0) }) {
            return "'\(number)' may contain only digits, a leading '+' and the separators - . ( ) and space"
        }
        if digits.count < 3 || digits.count > 15 { return "'\(number)' has \(digits.count) digits; a telephone number has 3 to 15" }
        if !number.hasPrefix("+") && !hasContext {
            return "'\(number)' is a local number; a link needs the international form starting with '+' and the country code"
        }
        return nil
    }
}
