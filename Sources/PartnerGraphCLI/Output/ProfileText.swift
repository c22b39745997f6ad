import PartnerGraph

/// The text `partnergraph show` prints for people.
enum ProfileText {
    /// `1979 [walaw-2024-05-06] · 1982 [allafrica-2024-05-06]`: the current value first.
    static func claimedValues(_ field: FieldClaims) -> String {
        field.values.map { value in
            terminalSafe(value.value) + (value.sources.isEmpty ? "" : " [" + value.sources.map(\.source).joined(separator: ", ") + "]")
        }.joined(separator: " · ")
    }

    static func render(_ profile: EntityProfile) -> String {
        var lines: [String] = []
        let kind = profile.kind.map { " · \($0)" } ?? ""
        lines.append(Terminal.bold(terminalSafe(profile.name)) + "  (\(profile.key) · \(profile.type.rawValue)\(kind))")
        for alias in profile.aliases {
            lines.append("  also: \(terminalSafe(alias.name))" + (alias.language.map { "  [\($0)]" } ?? ""))
        }
        if let date = profile.date { lines.append("  date: \(date)") }
        if profile.start != nil || profile.end != nil {
            lines.append("  period: \(profile.start?.description ?? "…") – \(profile.end?.description ?? "…")")
        }
        // A field the sources disagree on shows every value stated, with its sources.
        let disagreements = Dictionary(uniqueKeysWithValues: profile.claims.filter(\.disagree).map { ($0.field, $0) })
        func disagreement(_ field: FieldClaims) -> String {
            "  \(terminalSafe(field.field)): " + claimedValues(field) + "  " + Terminal.bold("(sources disagree)")
        }
        for field in ["date", "start", "end"] {
            if let claims = disagreements[field] { lines.append(disagreement(claims)) }
        }
        for (key, value) in profile.attributes.sorted(by: { $0.key < $1.key }) {
            if let claims = disagreements[key] {
                lines.append(disagreement(claims))
            } else {
                lines.append("  \(terminalSafe(key)): \(terminalSafe(value))")
            }
        }
        if let note = profile.note { lines.append("  note: \(terminalSafe(note))") }
        if profile.relationCount > 0 {
            lines.append("")
            lines.append(Terminal.bold("Relations (\(profile.relationCount))"))
            var next = profile.relations.makeIterator()
            for group in profile.relationGroups {
                // A group cut short says how many it has, and how many are left out.
                lines.append("  \(group.phrase)" + (group.shown < group.count ? " (\(group.count))" : "") + ":")
                for _ in 0..<group.shown {
                    guard let relation = next.next() else { break }
                    lines.append("    " + relationLine(relation))
                    for citation in relation.citations {
                        if let quote = citation.quote { lines.append("      “\(terminalSafe(quote))” [\(citation.source)]") }
                    }
                }
                if group.shown > 0 && group.shown < group.count {
                    lines.append(Terminal.dim("    … and \(group.count - group.shown) more"))
                }
            }
            if profile.isTruncated, let limit = profile.relationLimit {
                lines.append(Terminal.dim(
                    limit == 0
                        ? "Only the counts are shown: --limit N shows the first N of each group, --all every relation."
                        : "Only the first \(limit) of each group are shown: --limit N shows the first N, --all every relation."))
            }
        }
        if !profile.citations.isEmpty {
            lines.append("")
            lines.append(Terminal.bold("Sources"))
            for citation in profile.citations {
                lines.append("  [\(citation.source)] \(terminalSafe(citation.title))")
                if let quote = citation.quote { lines.append("    “\(terminalSafe(quote))”") }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `Salim M. AlMalik (salim-m-almalik) — Director-General · 2024 · [icesco-2024-03-26]`
    static func relationLine(_ relation: RelationView) -> String {
        var text = "\(terminalSafe(relation.other.name)) (\(relation.other.key))"
        var details: [String] = []
        if let role = relation.role { details.append(terminalSafe(role)) }
        if let dates = relation.dateSummary { details.append(dates) }
        if !relation.citations.isEmpty { details.append(relation.citations.map { "[\($0.source)]" }.joined(separator: " ")) }
        if !details.isEmpty { text += " — " + details.joined(separator: " · ") }
        if let note = relation.note { text += Terminal.dim("  (\(terminalSafe(note)))") }
        return text
    }
}
