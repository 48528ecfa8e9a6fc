import Foundation
import Mustache

/// The report's Mustache templates: compiled into the binary, each replaceable
/// by a file `NAME.mustache` in a directory (`codeaudit report --templates DIR`).
/// `{{x}}` escapes HTML; only SVG and CSS that codeaudit itself built go
/// through `{{{x}}}`.
public struct ReportTemplates: Sendable {
    /// Template name → Mustache source.
    public private(set) var sources: [String: String]

    /// The built-in templates.
    public static let builtIn = ReportTemplates(sources: BuiltInTemplates.all)

    /// The names a directory may override.
    public static var names: [String] { BuiltInTemplates.all.keys.sorted() }

    init(sources: [String: String]) {
        self.sources = sources
    }

    /// The built-in templates with those in `directory` (`NAME.mustache`) in their place.
    ///
    /// - throws: `ReportError.template` when the directory cannot be read or
    ///   holds a `.mustache` file whose name is not a template of the report.
    public init(overridingWith directory: String) throws {
        var sources = BuiltInTemplates.all
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw ReportError.templateFolder(path: directory, reason: error.localizedDescription)
        }
        for file in files.sorted() where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            guard sources[name] != nil else {
                throw ReportError.template(
                    name: name,
                    reason: "not a template of the report; expected one of \(Self.names.joined(separator: ", "))")
            }
            let path = (directory as NSString).appendingPathComponent(file)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ReportError.template(name: name, reason: "cannot read \(path) as UTF-8")
            }
            sources[name] = text
        }
        self.sources = sources
    }

    func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(HTML.pragma + source, named: name)
            } catch {
                throw ReportError.template(name: name, reason: "does not parse: \(error)")
            }
        }
        return library
    }
}
