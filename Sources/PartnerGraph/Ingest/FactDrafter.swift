import Foundation

/// Proposes the facts an article states, from cue words between the entities of one sentence.
///
/// - **Headships**: a person next to a title of office and the organization it names —
///   `Dr. Salim M. AlMalik, Director-General of ICESCO`, `ICESCO Director-General Dr. Salim AlMalik`,
///   `السيدة صاحبة غفاروفا، رئيسة المجلس الوطني` — become `heads` with the role (`works_for` for an
///   ambassador, an adviser, or a deputy).
/// - **Meetings**: `met`, `received`, `استقبل`, `التقى`, `عقد … اجتماعا`, `a reçu`… between two or more
///   parties become a meeting event with each as a participant, held in the place the sentence
///   names; who `attended` (`حضر`, `a assisté`) joins it.
/// - **Signings**: `signed`, `وقع`, `الموقعة`, `signé`… near an agreement (named, or `memorandum of
///   understanding`, `مذكرة تفاهم`, `protocole d'entente`) make the organizations near the cue parties
///   to it and signatories of it, and the people signatories.
/// - **Observer status and membership**: `observer status`, `عضوا مراقبا`, `statut d'observateur`,
///   `member of`, `انضمام`, `adhésion` between a member and an organization.
///
/// Each proposal carries its sentence, its cue and a confidence.
struct FactDrafter {
    /// An end of a proposed relation: an entity of the graph, or a proposed entity.
    enum End: Hashable {
        case entity(Int64)
        case proposed(Int)
    }

    /// A new entity to propose.
    struct ProposedEntity {
        var type: EntityType
        var name: String
        var language: String
        var kind: String?
        var aliases: [Alias]
        var date: PartialDate?
        var sentence: Int
        var cue: String
        var confidence: Double
        var start: Int
        var end: Int
        /// For a meeting, its participants; for an agreement, its parties: to recognize one already in the graph.
        var members: [End] = []
    }

    /// A relation to propose.
    struct ProposedRelation {
        var type: String
        var from: End
        var to: End
        var role: String?
        var date: PartialDate?
        var start: PartialDate?
        var sentence: Int
        var cue: String
        var confidence: Double
        var textStart: Int
        var textEnd: Int
    }

    /// An entity named in the article, known or proposed.
    struct Party {
        var tokens: ClosedRange<Int>
        var type: EntityType
        var end: End
        /// The name to use in the article's language.
        var name: String
    }

    let article: ArticleText
    let language: String
    let published: PartialDate?
    let dates: [DateMention]
    /// Whether the vocabulary lets a relation of this type join these entity types.
    let allows: (String, EntityType, EntityType) -> Bool

    private(set) var entities: [ProposedEntity]
    private(set) var relations: [ProposedRelation] = []
    /// The index of the first entity the drafter proposes (a meeting, an agreement); those before are the article's new names.
    private let firstGenerated: Int
    private let parties: [Party]
    /// For each token, the ``Lexicon/PhraseList`` bits of the cues that may begin there.
    private let cueBits: [UInt8]
    /// For each token, whether it lies inside a party.
    private let insideParty: [Bool]

    init(
        article: ArticleText, language: String, published: PartialDate?, dates: [DateMention], parties: [Party],
        candidates: [ProposedEntity], allows: @escaping (String, EntityType, EntityType) -> Bool
    ) {
        self.article = article
        self.language = language
        self.published = published
        self.dates = dates
        self.parties = parties.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
        self.entities = candidates
        self.firstGenerated = candidates.count
        cueBits = article.tokens.map { token in token.forms.reduce(0) { $0 | (Lexicon.cueBits[$1] ?? 0) } }
        var inside = [Bool](repeating: false, count: article.tokens.count)
        for party in parties { for index in party.tokens { inside[index] = true } }
        insideParty = inside
        self.allows = allows
    }

    /// Runs every pattern over every sentence.
    mutating func draft() {
        var meetings: [Int] = []
        for sentence in article.sentences.indices {
            let inSentence = parties.filter { article.tokens[$0.tokens.lowerBound].sentence == sentence }
            draftHeadships(sentence, inSentence)
            draftStatus(sentence, inSentence)
            draftSigning(sentence, inSentence)
            draftMeeting(sentence, inSentence, meetings: &meetings, betweenOrganizations: false)
        }
        // A meeting between organizations only when the article reports none between people:
        // otherwise the organizations are those the people represent.
        if meetings.isEmpty {
            for sentence in article.sentences.indices {
                let inSentence = parties.filter { article.tokens[$0.tokens.lowerBound].sentence == sentence }
                draftMeeting(sentence, inSentence, meetings: &meetings, betweenOrganizations: true)
                if !meetings.isEmpty { break }
            }
        }
    }

    // MARK: - Cues

    /// Where the phrases occur in a sentence: the first and last token of each.
    func occurrences(of list: Lexicon.PhraseList, in sentence: Int) -> [(range: ClosedRange<Int>, text: String)] {
        let tokens = article.tokens
        let phrases = list.phrases
        var found: [(ClosedRange<Int>, String)] = []
        for index in article.sentences[sentence].tokens {
            guard cueBits[index] & list.bit != 0 else { continue }
            let forms = tokens[index].forms
            var best: Int?
            for phrase in phrases where forms.contains(phrase[0]) && index + phrase.count <= article.sentences[sentence].tokens.upperBound {
                if phrase.count > 1 && !zip(phrase.dropFirst(), tokens[(index + 1)...].prefix(phrase.count - 1)).allSatisfy({ $0 == $1.folded }) {
                    continue
                }
                best = max(best ?? 0, phrase.count)
            }
            if let best {
                let range = index...(index + best - 1)
                found.append((range, article.slice(tokens[range.lowerBound].start, tokens[range.upperBound].end)))
            }
        }
        return found
    }

    private func isInsideParty(_ index: Int) -> Bool {
        insideParty[index]
    }

    // MARK: - Headships

    private mutating func draftHeadships(_ sentence: Int, _ inSentence: [Party]) {
        let tokens = article.tokens
        var chainPerson: (party: Party, organizationEnd: Int)?
        var used = Set<Int>()
        for index in article.sentences[sentence].tokens where !used.contains(index) && !isInsideParty(index) {
            guard let (length, title) = self.title(at: index) else { continue }
            let range = index...(index + length - 1)
            for position in range { used.insert(position) }
            var role = title.role
            var relation = title.relation
            if index > 0, Lexicon.deputyWords.contains(tokens[index - 1].folded) {
                role = "Deputy " + role
                relation = "works_for"
            }
            // The organization: right after the title (`Director-General of ICESCO`, `المدير العام لمنظمة`) or right before it (`ICESCO Director-General`).
            var organization = party(startingAfter: range.upperBound, in: inSentence, skippingConnectors: true, types: [.organization, .event])
            var organizationBefore = false
            if organization == nil, let before = party(endingBefore: range.lowerBound, in: inSentence, types: [.organization]) {
                organization = before
                organizationBefore = true
            }
            // "ministre de la Culture de la République gabonaise": the office, then the state it serves.
            if organization == nil, let (found, office) = self.organization(afterOffice: range.upperBound, in: inSentence) {
                organization = found
                role = office.isEmpty ? role : "\(role) \(office)"
                let ministry = ["ministry", "ministere", "وزاره"].contains { NameNormalizer.normalize(found.name).hasPrefix($0) }
                if !ministry { relation = "works_for" }
            }
            guard let organization else { continue }
            if role == "President", let first = organization.name.split(separator: " ").first,
                ["قطاع", "إدارة", "مكتب", "sector", "department", "office", "secteur", "direction", "division"].contains(first.lowercased())
                    || organization.name.lowercased().hasPrefix("icesco") && organization.name.lowercased().contains("sector")
            {
                role = "Head"
            }
            // The person: before the title (`Dr. X, Director-General of`), after the organization
            // (`Director-General of ICESCO, Dr. X`; `ICESCO Director-General Dr. X`), or the holder
            // of the title just before (`رئيسة المجلس … رئيسة الشبكة`).
            var person = party(endingBefore: range.lowerBound, in: inSentence, types: [.person], allowComma: true)
            if person == nil {
                // "Ms. Gafarova, who is also President of …"
                var position = range.lowerBound - 1
                while position >= 0, range.lowerBound - position <= 4, Lexicon.appositionWords.contains(tokens[position].folded) { position -= 1 }
                if position < range.lowerBound - 1, position >= 0 {
                    person = party(endingBefore: position + 1, in: inSentence, types: [.person], allowComma: true)
                }
            }
            if person == nil {
                let after = organizationBefore ? range.upperBound : organization.tokens.upperBound
                person = party(startingAfter: after, in: inSentence, skippingConnectors: false, types: [.person], allowComma: true)
            }
            if person == nil, let chain = chainPerson, chain.organizationEnd == range.lowerBound - 1 {
                person = chain.party
            }
            guard let person else { continue }
            chainPerson = (person, organization.tokens.upperBound)
            let confidence = relation == "heads" ? 0.8 : 0.7
            propose(
                relation, from: person, to: organization, role: role, sentence: sentence, cue: article.slice(tokens[range.lowerBound].start, tokens[range.upperBound].end),
                confidence: confidence, span: min(person.tokens.lowerBound, range.lowerBound)...max(organization.tokens.upperBound, range.upperBound))
        }
    }

    /// The organization named a few words after a title, past the office it names (`de la Culture`,
    /// `الثقافة في`), with those words as the office: ` of Culture`.
    private func organization(afterOffice index: Int, in inSentence: [Party]) -> (Party, String)? {
        let tokens = article.tokens
        var position = index + 1
        var words: [ArticleText.Token] = []
        while position < tokens.count, position - index <= 7, tokens[position].sentence == tokens[index].sentence {
            guard gapAllowed(article.gap(after: position - 1), allowComma: false) else { return nil }
            if let found = inSentence.first(where: { $0.tokens.lowerBound == position }) {
                guard found.type == .organization, !words.isEmpty else { return nil }
                let content = words.filter { !Lexicon.latinNameConnectors.contains($0.folded) }
                guard !content.isEmpty else { return (found, "") }
                if content.allSatisfy({ $0.script == .latin }) {
                    return (found, "of " + content.map { $0.text.prefix(1).uppercased() + $0.text.dropFirst() }.joined(separator: " "))
                }
                return (found, "(" + content.map(\.text).joined(separator: " ") + ")")
            }
            if isInsideParty(position) { return nil }
            words.append(tokens[position])
            position += 1
        }
        return nil
    }

    /// The title of office that begins at token `index`, if one does (an Arabic first word may carry prefixes).
    private func title(at index: Int) -> (Int, Lexicon.Title)? {
        let tokens = article.tokens
        guard cueBits[index] & Lexicon.titleBit != 0 else { return nil }
        let forms = tokens[index].forms
        for (phrase, title) in Lexicon.titles where forms.contains(phrase[0]) && index + phrase.count <= tokens.count {
            guard zip(phrase.dropFirst(), tokens[(index + 1)...].prefix(phrase.count - 1)).allSatisfy({ $0 == $1.folded }) else { continue }
            // English and French titles are written with a capital, or follow a comma.
            if tokens[index].script == .latin && !tokens[index].isCapitalized && !(index > 0 && article.gap(after: index - 1).contains(",")) {
                continue
            }
            return (phrase.count, title)
        }
        return nil
    }

    private func party(
        startingAfter index: Int, in inSentence: [Party], skippingConnectors: Bool, types: Set<EntityType>, allowComma: Bool = false
    ) -> Party? {
        var position = index + 1
        var steps = 0
        while position < article.tokens.count {
            let gap = article.gap(after: position - 1)
            if !gapAllowed(gap, allowComma: allowComma) { return nil }
            if let found = inSentence.first(where: { $0.tokens.lowerBound == position }) {
                return types.contains(found.type) ? found : nil
            }
            let word = article.tokens[position].folded
            let connector = skippingConnectors && Lexicon.latinNameConnectors.contains(word)
            let honorific = Lexicon.honorificLength(at: [word][...]) != nil
            guard (connector || honorific), steps < 3 else { return nil }
            position += 1
            steps += 1
        }
        return nil
    }

    private func party(endingBefore index: Int, in inSentence: [Party], types: Set<EntityType>, allowComma: Bool = false) -> Party? {
        guard index > 0, let found = inSentence.last(where: { $0.tokens.upperBound == index - 1 }), types.contains(found.type) else { return nil }
        return gapAllowed(article.gap(after: index - 1), allowComma: allowComma) ? found : nil
    }

    private func gapAllowed(_ gap: String, allowComma: Bool) -> Bool {
        gap.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case " ", "\u{00A0}", "'", "\u{2019}", "-": return true
            case ",", "\u{060C}": return allowComma
            default: return false
            }
        }
    }

    // MARK: - Observer status and membership

    private mutating func draftStatus(_ sentence: Int, _ inSentence: [Party]) {
        let observerCues = occurrences(of: Lexicon.observerCues, in: sentence).filter { !isInsideParty($0.range.lowerBound) }
        let membershipCues = occurrences(of: Lexicon.membershipCues, in: sentence).filter { !isInsideParty($0.range.lowerBound) }
        var consumed = Set<Int>()
        var done = Set<[End]>()
        // Joining (`انضمام الإيسيسكو … عضوا مراقبا في الشبكة`, `joined … as an observer`): an observer
        // cue close after it makes it observer status.
        for cue in membershipCues {
            let observer = observerCues.first { $0.range.lowerBound >= cue.range.lowerBound - 3 && $0.range.lowerBound <= cue.range.upperBound + 12 }
            if let observer { consumed.insert(observer.range.lowerBound) }
            let relation = observer == nil ? "member_of" : "observer_of"
            guard let (member, target) = joiningPair(around: cue.range, in: inSentence) else { continue }
            guard done.insert([member.end, target.end]).inserted else { continue }
            propose(
                relation, from: member, to: target, role: nil, sentence: sentence, cue: observer.map { "\(cue.text) … \($0.text)" } ?? cue.text,
                confidence: observer == nil ? 0.6 : 0.75,
                span: min(member.tokens.lowerBound, cue.range.lowerBound)...max(target.tokens.upperBound, cue.range.upperBound))
        }
        for cue in observerCues where !consumed.contains(cue.range.lowerBound) {
            let organizations = inSentence.filter { $0.type == .organization }
            let before = organizations.filter { $0.tokens.upperBound < cue.range.lowerBound && cue.range.lowerBound - $0.tokens.upperBound <= 12 }
            let after = organizations.filter { $0.tokens.lowerBound > cue.range.upperBound && $0.tokens.lowerBound - cue.range.upperBound <= 8 }
            var member: Party?
            var target: Party?
            let granted = (max(0, cue.range.lowerBound - 4)..<cue.range.lowerBound).contains { index in
                return article.tokens[index].forms.contains { Lexicon.grantWords.contains($0) }
            }
            if granted, let grantee = inSentence.first(where: {
                ($0.type == .organization || $0.type == .person) && $0.tokens.lowerBound > cue.range.upperBound && $0.tokens.lowerBound - cue.range.upperBound <= 3
            }), let grantor = before.last {
                // "L'Union africaine a accordé le statut d'observateur à l'ICESCO".
                member = grantee
                target = grantor
            } else if let first = after.first {
                target = first
                member = inSentence.last {
                    ($0.type == .organization || $0.type == .person) && $0.tokens.upperBound < cue.range.lowerBound
                        && cue.range.lowerBound - $0.tokens.upperBound <= 12
                }
            } else if before.count >= 2 {
                // "X, in which ICESCO obtained observer status", "منظمة الدول التركية تمنح الإيسيسكو صفة عضو مراقب":
                // the member is named last, nearest the cue.
                member = before.last
                target = before[before.count - 2]
            }
            guard let member, let target, member.end != target.end else { continue }
            guard done.insert([member.end, target.end]).inserted else { continue }
            propose(
                "observer_of", from: member, to: target, role: nil, sentence: sentence, cue: cue.text, confidence: 0.75,
                span: min(member.tokens.lowerBound, cue.range.lowerBound)...max(target.tokens.upperBound, cue.range.upperBound))
        }
    }

    /// Who joins what, around a cue of joining. In Arabic the noun or verb comes first and the
    /// member right after it (`انضمام الإيسيسكو إلى …`, `انضمت الإيسيسكو …`); in English and French
    /// the member comes before (`Gabon joined ICESCO`, `l'adhésion du Gabon à l'ICESCO` has it after).
    private func joiningPair(around cue: ClosedRange<Int>, in inSentence: [Party]) -> (Party, Party)? {
        let joiners = inSentence.filter { $0.type == .organization || $0.type == .person }
        let organizationsAfter = { (index: Int, within: Int) in
            inSentence.filter { $0.type == .organization && $0.tokens.lowerBound > index && $0.tokens.lowerBound - index <= within }
        }
        let forms = article.tokens[cue.lowerBound].forms
        let memberAfter = language == "ar" || forms.contains { Lexicon.memberAfterCues.contains($0) }
        // A member right after the cue, then the organization it joins.
        // "بانضمام المنظمة إلى الشبكة": what follows "to" is what is joined; the member was named before.
        let joinedWords: Set<String> = ["\u{0627}\u{0644}\u{064A}", "\u{0641}\u{064A}", "to", "a", "au", "in", "into"]  // إلى في to à au in into
        if memberAfter, let first = joiners.first(where: { $0.tokens.lowerBound > cue.upperBound && $0.tokens.lowerBound - cue.upperBound <= 3 }),
            joinedWords.contains(article.tokens[first.tokens.lowerBound - 1].folded), first.type == .organization
        {
            if let member = joiners.last(where: { $0.tokens.upperBound < cue.lowerBound && cue.lowerBound - $0.tokens.upperBound <= 12 && $0.end != first.end }) {
                return (member, first)
            }
            return nil
        }
        if memberAfter, let member = joiners.first(where: { $0.tokens.lowerBound > cue.upperBound && $0.tokens.lowerBound - cue.upperBound <= 3 }) {
            if let target = organizationsAfter(member.tokens.upperBound, 10).first(where: { $0.end != member.end }) {
                return (member, target)
            }
            // "… the Turkic States, which said that ICESCO's joining as an observer…": what it joins was named before.
            if let target = inSentence.last(where: {
                $0.type == .organization && $0.tokens.upperBound < cue.lowerBound && cue.lowerBound - $0.tokens.upperBound <= 12 && $0.end != member.end
            }) {
                return (member, target)
            }
            return nil
        }
        // Else a member before the cue and the organization after it.
        if let target = organizationsAfter(cue.upperBound, 8).first,
            let member = joiners.last(where: { $0.tokens.upperBound < cue.lowerBound && cue.lowerBound - $0.tokens.upperBound <= 12 }),
            member.end != target.end
        {
            return (member, target)
        }
        return nil
    }

    // MARK: - Signings

    private mutating func draftSigning(_ sentence: Int, _ inSentence: [Party]) {
        guard let cue = occurrences(of: Lexicon.signingCues, in: sentence).first(where: { !isInsideParty($0.range.lowerBound) }) else { return }
        // "signed by ICESCO and Azerbaijan": the signatories follow the cue.
        let next = cue.range.upperBound + 1 < article.tokens.count ? article.tokens[cue.range.upperBound + 1].folded : ""
        let signatoriesFollow = ["by", "par", "بين"].contains(next)
        let attendance = occurrences(of: Lexicon.attendanceCues, in: sentence)
        let near = inSentence.filter { $0.tokens.upperBound >= cue.range.lowerBound - 30 && $0.tokens.lowerBound <= cue.range.upperBound + 15 }
        // The agreement: the one named nearest the cue, else one the sentence describes.
        var agreement = near.filter { $0.type == .agreement }.min { distance($0.tokens, cue.range) < distance($1.tokens, cue.range) }
        let date = nearestDate(to: cue.range, in: sentence)
        let agreementTokens = agreement?.tokens
        func signers(after: Bool) -> [Party] {
            near.filter { party in
                guard !(agreementTokens.map { party.tokens.overlaps($0) } ?? false) else { return false }
                if after && party.tokens.lowerBound < cue.range.lowerBound { return false }
                // People sign where they are named, close to the cue; those named after "in the presence of" witness it.
                if party.type == .person {
                    return distance(party.tokens, cue.range) <= 25 && !attendance.contains { $0.range.upperBound < party.tokens.lowerBound }
                }
                return party.type == .organization
            }
        }
        // "الموقعة بين الجانبين": the two sides were named before.
        var unique = self.unique(signers(after: signatoriesFollow))
        if unique.isEmpty && signatoriesFollow { unique = self.unique(signers(after: false)) }
        guard !unique.isEmpty else { return }
        if agreement == nil {
            guard let described = occurrences(of: Lexicon.agreementWords, in: sentence).min(by: { distance($0.range, cue.range) < distance($1.range, cue.range) })
            else { return }
            // The agreement the article already proposes, unless this one is of another date (an earlier one, recalled).
            if let existing = entities.indices.last(where: { $0 >= firstGenerated && entities[$0].type == .agreement }),
                date == nil || entities[existing].date == nil || entities[existing].date!.contains(date!) || date!.contains(entities[existing].date!)
            {
                agreement = Party(tokens: described.range, type: .agreement, end: .proposed(existing), name: entities[existing].name)
            } else {
                let organizations = unique.filter { $0.type == .organization }
                let sides = (organizations.isEmpty ? unique : organizations).map(\.name)
                let name = agreementName(described.text, sides: sides)
                entities.append(
                    ProposedEntity(
                        type: .agreement, name: name, language: language, kind: nil, aliases: [], date: date, sentence: sentence, cue: cue.text,
                        confidence: 0.65, start: article.tokens[described.range.lowerBound].start, end: article.tokens[described.range.upperBound].end,
                        members: organizations.map(\.end)))
                agreement = Party(tokens: described.range, type: .agreement, end: .proposed(entities.count - 1), name: name)
            }
        }
        guard let agreement else { return }
        for party in unique {
            let span = min(party.tokens.lowerBound, cue.range.lowerBound)...max(party.tokens.upperBound, cue.range.upperBound)
            if party.type == .organization {
                propose("party_to", from: party, to: agreement, role: nil, start: date, sentence: sentence, cue: cue.text, confidence: 0.7, span: span)
            }
            propose("signed", from: party, to: agreement, role: nil, date: date, sentence: sentence, cue: cue.text, confidence: 0.65, span: span)
        }
    }

    private func agreementName(_ described: String, sides: [String]) -> String {
        let head = described.prefix(1).uppercased() + described.dropFirst()
        guard sides.count >= 2 else { return head }
        switch language {
        case "ar": return "\(described) بين \(sides.dropLast().joined(separator: " و")) و\(sides.last!)"
        case "fr": return "\(head) entre \(sides.dropLast().joined(separator: ", ")) et \(sides.last!)"
        default: return "\(head) between \(sides.dropLast().joined(separator: ", ")) and \(sides.last!)"
        }
    }

    // MARK: - Meetings

    /// Proposes a meeting when a sentence reports one between people not all already in one,
    /// or adds those who attended to the article's last meeting.
    private mutating func draftMeeting(_ sentence: Int, _ inSentence: [Party], meetings: inout [Int], betweenOrganizations: Bool) {
        let cues = occurrences(of: Lexicon.meetingCues, in: sentence).filter { !isInsideParty($0.range.lowerBound) }
        let attendance = occurrences(of: Lexicon.attendanceCues, in: sentence).filter { !isInsideParty($0.range.lowerBound) }
        let people = unique(inSentence.filter { $0.type == .person })
        // Those named after "attended", "in the presence of", "بحضور" attend; they are not the sides.
        let attendees = attendance.first.map { cue in people.filter { $0.tokens.lowerBound > cue.range.upperBound } } ?? []
        if let cue = cues.first {
            let forms = article.tokens[cue.range.lowerBound].forms
            let isNoun = cue.range.count == 1 && forms.contains { Lexicon.meetingNouns.contains($0) }
            var sides = people.filter { person in !attendees.contains { $0.end == person.end } }
            if betweenOrganizations {
                guard sides.isEmpty, !isNoun else { return }
                let headed = Set(relations.filter { $0.type == "heads" || $0.type == "works_for" }.map(\.to))
                sides = unique(inSentence.filter { $0.type == .organization && !headed.contains($0.end) && distance($0.tokens, cue.range) <= 8 })
            }
            let known = Set(meetings.flatMap { entities[$0].members })
            if sides.count >= 2 && sides.contains(where: { !known.contains($0.end) }) {
                createMeeting(sides: sides, attendees: attendees, cue: cue, sentence: sentence, inSentence: inSentence, meetings: &meetings)
                return
            }
        }
        guard let cue = attendance.first, let meeting = meetings.last else { return }
        for person in attendees.isEmpty ? people : attendees where !entities[meeting].members.contains(person.end) {
            propose(
                "participated_in", to: meeting, from: person, date: entities[meeting].date, sentence: sentence, cue: cue.text,
                confidence: 0.6, span: min(person.tokens.lowerBound, cue.range.lowerBound)...max(person.tokens.upperBound, cue.range.upperBound))
        }
    }

    private mutating func createMeeting(
        sides: [Party], attendees: [Party], cue: (range: ClosedRange<Int>, text: String), sentence: Int, inSentence: [Party], meetings: inout [Int]
    ) {
        let date = nearestDate(to: cue.range, in: sentence) ?? published.map { PartialDate.month(of: $0) }
        let place = inSentence.first { $0.type == .place }
        let names = sides.map { $0.type == .person ? surname($0.name) : $0.name }
        let name = meetingName(names, place: place.map(\.name))
        entities.append(
            ProposedEntity(
                type: .event, name: name, language: language, kind: "meeting", aliases: [], date: date, sentence: sentence, cue: cue.text,
                confidence: 0.7, start: article.tokens[cue.range.lowerBound].start, end: article.tokens[cue.range.upperBound].end,
                members: sides.map(\.end)))
        let meeting = entities.count - 1
        meetings.append(meeting)
        for side in sides + attendees {
            propose(
                "participated_in", to: meeting, from: side, date: date, sentence: sentence, cue: cue.text, confidence: sides.count == 2 ? 0.7 : 0.6,
                span: min(side.tokens.lowerBound, cue.range.lowerBound)...max(side.tokens.upperBound, cue.range.upperBound))
        }
        if let place {
            let meetingParty = Party(tokens: cue.range, type: .event, end: .proposed(meeting), name: name)
            propose(
                "held_in", from: meetingParty, to: place, role: nil, sentence: sentence, cue: cue.text, confidence: 0.6,
                span: min(place.tokens.lowerBound, cue.range.lowerBound)...max(place.tokens.upperBound, cue.range.upperBound))
        }
    }

    private func meetingName(_ names: [String], place: String?) -> String {
        let list: String
        switch language {
        case "ar":
            list = names.dropLast().joined(separator: " و") + " و" + names.last!
            return "اجتماع \(list)" + (place.map { " في \($0)" } ?? "")
        case "fr":
            list = names.count == 2 ? "\(names[0]) et \(names[1])" : names.dropLast().joined(separator: ", ") + " et " + names.last!
            return "Rencontre entre \(list)" + (place.map { " à \($0)" } ?? "")
        default:
            list = names.count == 2 ? "\(names[0]) and \(names[1])" : names.dropLast().joined(separator: ", ") + " and " + names.last!
            return "Meeting of \(list)" + (place.map { " in \($0)" } ?? "")
        }
    }

    /// A person's last name, with its particle (`Ben Salah`, `بن صالح`).
    private func surname(_ name: String) -> String {
        let words = name.split(separator: " ")
        guard let last = words.last else { return name }
        if words.count >= 3, Lexicon.nameParticles.contains(NameNormalizer.normalize(String(words[words.count - 2]))) {
            return "\(words[words.count - 2]) \(last)"
        }
        return String(last)
    }

    private func unique(_ list: [Party]) -> [Party] {
        var result: [Party] = []
        for party in list where !result.contains(where: { $0.end == party.end }) { result.append(party) }
        return result
    }

    // MARK: - Helpers

    private func distance(_ a: ClosedRange<Int>, _ b: ClosedRange<Int>) -> Int {
        if a.overlaps(b) { return 0 }
        return a.upperBound < b.lowerBound ? b.lowerBound - a.upperBound : a.lowerBound - b.upperBound
    }

    /// The date written nearest the cue in the sentence, if the sentence has one.
    private func nearestDate(to range: ClosedRange<Int>, in sentence: Int) -> PartialDate? {
        let bounds = article.sentences[sentence]
        let cueStart = article.tokens[range.lowerBound].start
        return dates.filter { $0.start >= bounds.start && $0.end <= bounds.end }
            .min { abs($0.start - cueStart) < abs($1.start - cueStart) }?.date
    }

    private mutating func propose(
        _ type: String, to meeting: Int, from party: Party, date: PartialDate?, sentence: Int, cue: String, confidence: Double,
        span: ClosedRange<Int>
    ) {
        let event = Party(tokens: span, type: .event, end: .proposed(meeting), name: entities[meeting].name)
        propose(type, from: party, to: event, role: nil, date: date, sentence: sentence, cue: cue, confidence: confidence, span: span)
    }

    private mutating func propose(
        _ type: String, from: Party, to: Party, role: String?, date: PartialDate? = nil, start: PartialDate? = nil, sentence: Int,
        cue: String, confidence: Double, span: ClosedRange<Int>
    ) {
        guard from.end != to.end, allows(type, from.type, to.type) else { return }
        if relations.contains(where: { $0.type == type && $0.from == from.end && $0.to == to.end }) { return }
        relations.append(
            ProposedRelation(
                type: type, from: from.end, to: to.end, role: role, date: date, start: start, sentence: sentence, cue: cue,
                confidence: confidence, textStart: article.tokens[span.lowerBound].start, textEnd: article.tokens[span.upperBound].end))
    }
}

extension PartialDate {
    /// The month `date` falls in (the date itself when it is known only to the month or year).
    static func month(of date: PartialDate) -> PartialDate {
        guard let month = date.month else { return date }
        return (try? PartialDate("\(zeroPadded(date.year, width: 4))-\(zeroPadded(month, width: 2))")) ?? date
    }
}
