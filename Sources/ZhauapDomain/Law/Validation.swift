import Foundation
import WorkingCalendar

/// One problem of a registry being imported or edited: a stable code, where it is (`norms[3].versions[0].from`,
/// or the id), and what is wrong in English (the pages word it by code). Every problem is listed; nothing is
/// stored while one remains.
public struct RegistryProblem: Sendable, Hashable, Codable {
    public var code: String
    public var path: String
    public var detail: String

    public init(_ code: String, _ path: String, _ detail: String) { (self.code, self.path, self.detail) = (code, path, detail) }
}

extension LawRegistry {
    /// Ids of acts and norms: lower-case Latin letters, digits and dashes, 1–80 characters.
    public static func isWellFormedID(_ id: String) -> Bool {
        (1...80).contains(id.count) && id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
            && !id.hasPrefix("-") && !id.hasSuffix("-")
    }

    /// Every problem of the registry, in order; empty when it may be stored. `termRules`: the terms engine's
    /// rules, which cite norms — a cited norm must exist, set a term, and set the same one (one source per fact).
    public func problems(termRules: TermRules? = nil) -> [RegistryProblem] {
        var out: [RegistryProblem] = []
        func blank(_ s: String?) -> Bool { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        func need(_ s: String?, _ path: String) { if blank(s) { out.append(.init("missing", path, "\(path) is empty")) } }
        if format != Self.currentFormat { out.append(.init("format", "format", "format \(format) is not \(Self.currentFormat)")) }
        need(version, "version")

        var ranks = Set<Int>(), codes = Set<String>()
        if hierarchy.isEmpty { out.append(.init("missing", "hierarchy", "the hierarchy of legal force is empty")) }
        for (i, l) in hierarchy.enumerated() {
            let p = "hierarchy[\(i)]"
            if !Self.isWellFormedID(l.code.replacingOccurrences(of: "_", with: "-")) { out.append(.init("bad_id", p + ".code", "\(l.code) is not a code")) }
            if !codes.insert(l.code).inserted { out.append(.init("duplicate", p + ".code", "level \(l.code) appears twice")) }
            if l.rank < 1 || !ranks.insert(l.rank).inserted { out.append(.init("rank", p + ".rank", "rank \(l.rank) is not a unique positive number")) }
            need(l.nameKk, p + ".nameKk"); need(l.nameRu, p + ".nameRu"); need(l.nameEn, p + ".nameEn"); need(l.source, p + ".source")
        }

        var actIDs = Set<String>()
        for (i, a) in acts.enumerated() {
            let p = "acts[\(i)]"
            if !Self.isWellFormedID(a.id) { out.append(.init("bad_id", p + ".id", "\(a.id) is not an id (a–z, 0–9, dashes)")) }
            if !actIDs.insert(a.id).inserted { out.append(.init("duplicate", p + ".id", "act \(a.id) appears twice")) }
            if !codes.contains(a.level) { out.append(.init("unknown_level", p + ".level", "\(a.level) is no level of the hierarchy")) }
            need(a.titleKk, p + ".titleKk"); need(a.titleRu, p + ".titleRu"); need(a.titleEn, p + ".titleEn"); need(a.source, p + ".source")
            out += Self.periodProblems(a.versions, path: p + ".versions")
        }

        let normIDs = Set(norms.map(\.id))
        var seenNorms = Set<String>()
        for (i, n) in norms.enumerated() {
            let p = "norms[\(i)]"
            if !Self.isWellFormedID(n.id) { out.append(.init("bad_id", p + ".id", "\(n.id) is not an id (a–z, 0–9, dashes)")) }
            if !seenNorms.insert(n.id).inserted { out.append(.init("duplicate", p + ".id", "norm \(n.id) appears twice")) }
            if !actIDs.contains(n.act) { out.append(.init("unknown_act", p + ".act", "act \(n.act) is not in the registry")) }
            need(n.article, p + ".article"); need(n.source, p + ".source")
            if n.roles.isEmpty { out.append(.init("missing", p + ".roles", "the norm does nothing: give at least one role")) }
            if Set(n.roles).count != n.roles.count { out.append(.init("duplicate", p + ".roles", "a role appears twice")) }
            if n.markers.contains(where: { blank($0) }) { out.append(.init("missing", p + ".markers", "a marker word is empty")) }
            switch (n.roles.contains(.term), n.term) {
            case (true, nil): out.append(.init("term_missing", p + ".term", "a norm that sets a term says which"))
            case (false, .some): out.append(.init("term_without_role", p + ".term", "a term on a norm without the role \"term\""))
            case (_, .some(let t)) where t.amount < 1 || t.amount > 3650:
                out.append(.init("term_amount", p + ".term.amount", "\(t.amount) is not a term"))
            default: break
            }
            for (j, c) in n.conflicts.enumerated() {
                if !normIDs.contains(c.norm) { out.append(.init("unknown_norm", p + ".conflicts[\(j)].norm", "norm \(c.norm) is not in the registry")) }
                if c.norm == n.id { out.append(.init("self_reference", p + ".conflicts[\(j)].norm", "a norm does not conflict with itself")) }
                need(c.source, p + ".conflicts[\(j)].source")
            }
            for (j, s) in n.specialTo.enumerated() {
                if !normIDs.contains(s) { out.append(.init("unknown_norm", p + ".specialTo[\(j)]", "norm \(s) is not in the registry")) }
                if s == n.id { out.append(.init("self_reference", p + ".specialTo[\(j)]", "a norm is not special to itself")) }
            }
            out += Self.periodProblems(n.versions, path: p + ".versions")
            for (j, v) in n.versions.enumerated() where !v.repealed {
                let vp = p + ".versions[\(j)]"
                if v.preconditions.isEmpty { out.append(.init("missing", vp + ".preconditions", "a norm in force has at least one precondition (IF)")) }
                for (k, c) in v.preconditions.enumerated() {
                    need(c.kk, vp + ".preconditions[\(k)].kk"); need(c.ru, vp + ".preconditions[\(k)].ru"); need(c.source, vp + ".preconditions[\(k)].source")
                }
                if let c = v.consequence { need(c.kk, vp + ".consequence.kk"); need(c.ru, vp + ".consequence.ru") }
                else { out.append(.init("missing", vp + ".consequence", "a norm in force has its consequence (THEN)")) }
            }
        }

        for (i, rule) in (termRules?.rules ?? []).enumerated() {
            guard let id = rule.norm else { continue }
            let p = "termRules[\(i)](\(rule.id))"
            guard let n = norm(id) else { out.append(.init("term_rule_norm", p, "the term rule \(rule.id) cites norm \(id), which is not in the registry")); continue }
            if n.term != NormTerm(unit: rule.unit, amount: rule.amount) {
                out.append(.init("term_rule_disagrees", "norms(\(id)).term",
                                 "the term rule \(rule.id) counts \(rule.amount) \(rule.unit.rawValue) by this norm; the norm says \(n.term.map { "\($0.amount) \($0.unit.rawValue)" } ?? "no term")"))
            }
        }
        return out
    }

    /// Periods in order, none empty, none overlapping, a repeal only last.
    static func periodProblems(_ versions: [some InForcePeriod], path: String) -> [RegistryProblem] {
        var out: [RegistryProblem] = []
        if versions.isEmpty { out.append(.init("missing", path, "no period in force")) }
        for (i, v) in versions.enumerated() {
            if let to = v.to, to < v.from { out.append(.init("period", "\(path)[\(i)]", "ends \(to) before it begins \(v.from)")) }
            if v.repealed && i != versions.count - 1 { out.append(.init("period", "\(path)[\(i)]", "a repeal is the last entry")) }
            if v.repealed && v.to != nil { out.append(.init("period", "\(path)[\(i)].to", "a repeal has no end")) }
            if i > 0 {
                let prev = versions[i - 1]
                guard let end = prev.to ?? (prev.repealed ? prev.from : nil) else {
                    out.append(.init("period", "\(path)[\(i)]", "the period before it has no end")); continue
                }
                if v.from <= end { out.append(.init("period", "\(path)[\(i)].from", "\(v.from) overlaps the period before (to \(end))")) }
            }
        }
        return out
    }
}
