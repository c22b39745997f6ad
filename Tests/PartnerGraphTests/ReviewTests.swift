import Foundation
import Testing

@testable import PartnerGraph

/// Accepting, editing and rejecting what `ingest` proposes.
@Suite("Reviewing drafts") struct ReviewTests {
    static let text = """
        ICESCO and ALECSO sign a memorandum
        14 May 2024
        Dr. Salim M. AlMalik, Director-General of ICESCO, received on Monday in Rabat Dr. Hatem Ben Salah, Director-General of ALECSO.
        The two organizations signed a memorandum of understanding on digital education.
        """

    /// The example, ALECSO and its head, and the article ingested.
    static func ingested() throws -> (PartnerGraphStore, IngestReport) {
        let store = try exampleStore()
        try store.addEntity(NewEntity(type: .organization, name: "ALECSO"))
        try store.addEntity(NewEntity(type: .person, name: "Hatem Ben Salah"))
        let report = try store.ingest(Article(data: Data(text.utf8), origin: "alecso.txt"), publisher: "ICESCO")
        return (store, report)
    }

    static func draft(_ report: IngestReport, _ type: String, from: String? = nil, to: String? = nil) throws -> DraftView {
        try #require(
            report.drafts.first {
                $0.relation?.type == type && (from == nil || $0.relation?.from.key == from) && (to == nil || $0.relation?.to.key == to)
            }, "no \(type) draft in \(report.drafts.map(\.summary))")
    }

    @Test func theArticleProposesTheHeadshipTheMeetingAndTheMemorandum() throws {
        let (_, report) = try Self.ingested()
        #expect(report.source.key == "icesco-2024-05-14")
        #expect(report.dates.first { $0.reading == .weekday }?.date.description == "2024-05-13")
        let headship = try Self.draft(report, "heads", from: "hatem-ben-salah", to: "alecso")
        #expect(headship.relation?.role == "Director-General")
        let meeting = try #require(report.drafts.first { $0.entity?.kind == "meeting" })
        #expect(meeting.entity?.date?.description == "2024-05-13")
        #expect(report.drafts.contains { $0.relation?.type == "participated_in" && $0.relation?.to.draft == meeting.id })
        #expect(report.drafts.contains { $0.relation?.type == "party_to" && $0.relation?.from.key == "alecso" })
        // AlMalik heads ICESCO already: not proposed again.
        #expect(!report.drafts.contains { $0.relation?.type == "heads" && $0.relation?.from.key == "salim-m-almalik" })
        #expect(report.alreadyRecorded.contains("Salim M. AlMalik heads ICESCO"))
    }

    @Test func acceptingARelationCreatesItAndTheEntityItNeedsCitingTheSentence() throws {
        let (store, report) = try Self.ingested()
        let participation = try Self.draft(report, "participated_in", from: "hatem-ben-salah")
        let accepted = try store.acceptDrafts([participation.id])
        // The meeting it needs is accepted first.
        #expect(accepted.count == 2)
        #expect(accepted[0].kind == .entity && accepted[0].entity?.kind == "meeting")
        let meetingKey = try #require(accepted[0].createdEntity)
        let profile = try store.profile(of: "hatem-ben-salah")
        let relation = try #require(profile.relations.first { $0.type == "participated_in" })
        #expect(relation.other.key == meetingKey)
        #expect(relation.date?.description == "2024-05-13")
        #expect(relation.citations.first?.source == "icesco-2024-05-14")
        #expect(relation.citations.first?.quote?.hasPrefix("Dr. Salim M. AlMalik, Director-General of ICESCO, received") == true)
        #expect(try store.profile(of: meetingKey).citations.first?.source == "icesco-2024-05-14")
        #expect(try store.drafts(source: "icesco-2024-05-14", status: .accepted).count == 2)
        // A decided draft cannot be decided again.
        #expect(throws: IngestError.draftDecided(participation.id, status: "accepted")) { try store.acceptDrafts([participation.id]) }
    }

    @Test func anEditedDraftIsAcceptedAsEdited() throws {
        let (store, report) = try Self.ingested()
        let headship = try Self.draft(report, "heads", from: "hatem-ben-salah")
        let edited = try store.editDraft(headship.id, { var changes = DraftChanges(); changes.role = .set("Director General"); changes.startDate = .set(try PartialDate("2019")); return changes }())
        #expect(edited.relation?.role == "Director General")
        try store.acceptDrafts([headship.id])
        let relation = try #require(try store.profile(of: "hatem-ben-salah").relations.first { $0.type == "heads" })
        #expect(relation.role == "Director General")
        #expect(relation.start?.description == "2019")
        // Edits that do not fit the draft are refused.
        let meeting = try #require(report.drafts.first { $0.entity?.kind == "meeting" })
        #expect(throws: IngestError.self) { try store.editDraft(meeting.id, { var changes = DraftChanges(); changes.role = .set("x"); return changes }()) }
        #expect(throws: PartnerGraphError.self) {
            try store.editDraft(meeting.id, { var changes = DraftChanges(); changes.date = .set(try PartialDate("2024")); changes.startDate = .set(try PartialDate("2023")); return changes }())
        }
        let renamed = try store.editDraft(meeting.id, { var changes = DraftChanges(); changes.name = "ICESCO–ALECSO coordination meeting"; changes.key = "icesco-alecso-2024"; return changes }())
        #expect(renamed.entity?.key == "icesco-alecso-2024")
        try store.acceptDrafts([meeting.id])
        #expect(try store.entity("icesco-alecso-2024").name == "ICESCO–ALECSO coordination meeting")
    }

    @Test func rejectingAnEntityRejectsTheRelationsThatNeedIt() throws {
        let (store, report) = try Self.ingested()
        let meeting = try #require(report.drafts.first { $0.entity?.kind == "meeting" })
        let rejected = try store.rejectDrafts([meeting.id])
        let needing = report.drafts.filter { $0.relation?.to.draft == meeting.id || $0.relation?.from.draft == meeting.id }
        #expect(!needing.isEmpty)
        #expect(Set(rejected.map(\.id)) == Set([meeting.id] + needing.map(\.id)))
        #expect(try store.drafts(status: .open).allSatisfy { $0.relation?.to.draft != meeting.id })
    }

    @Test func aDraftWhoseEntityWasRemovedSinceSaysSoAndNothingIsAccepted() throws {
        let (store, report) = try Self.ingested()
        let headship = try Self.draft(report, "heads", from: "hatem-ben-salah")
        let participation = try Self.draft(report, "participated_in", from: "hatem-ben-salah")
        try store.remove("hatem-ben-salah", cascade: true)
        let before = try store.exportDocument()
        let error = try #require(throws: IngestError.self) { try store.acceptDrafts([participation.id, headship.id]) }
        #expect(error == .draftEntityRemoved(draft: participation.id, key: "hatem-ben-salah"))
        #expect(error.description.contains("review edit"))
        // All or nothing: the meeting the first draft needed was not created either.
        #expect(try store.exportDocument() == before)
        #expect(try store.drafts(status: .accepted).isEmpty)
        // Pointed at another entity, it goes through.
        try store.addEntity(NewEntity(type: .person, name: "Hatem Ben Salah", key: "hatem-ben-salah-2"))
        try store.editDraft(headship.id, { var changes = DraftChanges(); changes.from = "hatem-ben-salah-2"; return changes }())
        #expect(try store.acceptDrafts([headship.id]).first?.createdRelation != nil)
    }

    @Test func acceptingAllAboveAConfidenceLeavesTheRestOpen() throws {
        let (store, report) = try Self.ingested()
        let accepted = try store.acceptDrafts(source: report.source.key, minimumConfidence: 0.7)
        #expect(!accepted.isEmpty)
        #expect(accepted.allSatisfy { $0.status == .accepted })
        // What was accepted below the bar was needed by a draft above it.
        for draft in accepted where draft.confidence < 0.7 {
            #expect(accepted.contains { $0.relation?.from.draft == draft.id || $0.relation?.to.draft == draft.id })
        }
        let open = try store.drafts(source: report.source.key)
        #expect(open.allSatisfy { $0.confidence < 0.7 })
        #expect(throws: PartnerGraphError.self) { try store.acceptDrafts(source: "no-such-source", minimumConfidence: 0) }
    }

    @Test func anUnknownDraftIsNamedInTheError() throws {
        let store = try exampleStore()
        #expect(throws: IngestError.draftNotFound(42)) { try store.acceptDrafts([42]) }
        #expect(throws: IngestError.draftNotFound(42)) { try store.rejectDrafts([42]) }
    }
}
