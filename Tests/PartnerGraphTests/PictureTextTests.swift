import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PartnerGraph

/// The words around a picture: a default that depends only on the data, and Arabic with --lang ar.
@Suite("The title, subtitle and legend of a picture")
struct PictureTextTests {
    @Test("By default no date is drawn, so the same graph gives the same DOT on any day")
    func noDateByDefault() throws {
        let store = try exampleStore()
        let graph = try store.renderGraph(for: RenderSelection(scope: .around("ICESCO", depth: 1)))
        let label = DOTWriter(style: RenderStyle()).titleLabel(for: graph)
        #expect(!label.contains("drawn"), "\(label)")
        #expect(RenderStyle().drawnOn == nil)
        // The picture of the same data made "on another day" is the same text.
        let first = DOTWriter(style: RenderStyle(language: .both)).dot(for: graph)
        let second = DOTWriter(style: RenderStyle(language: .both)).dot(for: try store.renderGraph(for: RenderSelection(scope: .around("ICESCO", depth: 1))))
        #expect(first == second)
    }

    @Test("A date drawn, when given, is shown, in English and in Arabic")
    func dateWhenAsked() throws {
        let graph = try exampleStore().renderGraph(for: RenderSelection())
        #expect(DOTWriter(style: RenderStyle(drawnOn: "2024-05-14")).titleLabel(for: graph).contains("drawn 2024-05-14 with PartnerGraph"))
        #expect(DOTWriter(style: RenderStyle(language: .ar, drawnOn: "2024-05-14")).titleLabel(for: graph).contains("رُسمت في 2024-05-14"))
    }

    @Test("--lang ar gives an Arabic default title, subtitle and legend, the legend read from the right")
    func arabicTitleAndLegend() throws {
        let store = try exampleStore()
        let whole = try store.renderGraph(for: RenderSelection(relationTypes: ["heads"], asOf: PartialDate("2024-06")))
        let label = DOTWriter(style: RenderStyle(language: .ar)).titleLabel(for: whole)
        for word in ["الشبكة كاملة", "الكيانات: \(whole.nodes.count)", "العلاقات: \(whole.edges.count)", "أنواع العلاقات: يرأس",
                     "كما في 2024-06", "منظمة", "شخص", "علاقة"] {
            #expect(label.contains(word), "the Arabic title should say \(word)")
        }
        for english in ["Whole graph", "entities", "relations", "organization", "person", ">relation<", "as of"] {
            #expect(!label.contains(english), "\(english) should be in Arabic")
        }
        #expect(label.contains("FACE=\"Noto Sans Arabic\""))
        // Right to left: the first type (organization) is the last cell written, the relation line the first.
        let legend = try #require(label.range(of: "CELLSPACING=\"5\"").map { String(label[$0.upperBound...]) })
        let relation = try #require(legend.range(of: "علاقة")), organization = try #require(legend.range(of: "منظمة")),
            person = try #require(legend.range(of: "شخص"))
        #expect(relation.lowerBound < person.lowerBound && person.lowerBound < organization.lowerBound)
        #expect(legend.contains("◀───"), "the arrow points at its word")
        // English keeps its order and words.
        let english = DOTWriter(style: RenderStyle(language: .en)).titleLabel(for: whole)
        #expect(english.contains("Whole graph") && english.contains("▢ organization"))
    }

    @Test("Arabic titles name the entities by their Arabic names", arguments: [
        (RenderSelection(scope: .around("ICESCO", depth: 1)), "محيط منظمة العالم الإسلامي للتربية والعلوم والثقافة (العمق 1)"),
        (RenderSelection(scope: .path(from: "Salim M. AlMalik", to: "Sahiba Gafarova", k: 1, depth: 0)), "أقصر صلة من الدكتور سالم بن محمد المالك إلى صاحبة غفاروفا"),
        (RenderSelection(scope: .path(from: "Salim M. AlMalik", to: "Sahiba Gafarova", k: 2, depth: 0)), "أقصر الصلات (2) من"),
    ])
    func arabicTitles(selection: RenderSelection, expected: String) throws {
        let graph = try exampleStore().renderGraph(for: selection)
        let label = DOTWriter(style: RenderStyle(language: .ar)).titleLabel(for: graph)
        #expect(label.contains(expected), "\(label)")
        #expect(label.contains("\u{2067}") && label.contains("\u{2069}"), "Arabic lines are isolated right to left for SVG viewers")
        if graph.pathCount > 0 { #expect(label.contains(graph.pathCount == 1 ? "أقصر صلة" : "أقصر الصلات")) }
    }

    @Test("A title given with --title is left as written, in any language")
    func givenTitle() throws {
        let graph = try exampleStore().renderGraph(for: RenderSelection())
        let label = DOTWriter(style: RenderStyle(language: .ar, title: "ICESCO and Azerbaijan")).titleLabel(for: graph)
        #expect(label.contains("ICESCO and Azerbaijan"))
        #expect(!label.contains("الشبكة كاملة"))
    }

    @Test("The Arabic SVG shows the Arabic legend and title")
    func arabicSVG() throws {
        let store = try exampleStore()
        let picture = try store.render(RenderSelection(), style: RenderStyle(language: .ar), format: .svg)
        let text = String(decoding: picture.data, as: UTF8.self)
        for word in ["الشبكة كاملة", "منظمة", "شخص", "اتفاقية", "فعالية", "مكان", "علاقة"] {
            #expect(text.contains(word), "the SVG should show \(word)")
        }
        #expect(!text.contains("Whole graph"))
    }
}
