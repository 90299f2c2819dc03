internal import CYaml

/// How deeply a YAML text nests its sequences and mappings, measured with libyaml's event parser (which
/// keeps its own stack, so any depth is safe to measure). Yams builds its nodes recursively, one stack
/// frame per level, so a text nested thousands of levels deep (`[[[[…`, `{{{{…`, `- - - - …`) would
/// overflow the stack inside `Yams.compose`; the job and template loaders refuse such texts first.
public enum YAMLNesting {
    /// The most levels a job file or template may nest (the bundled ones use at most four).
    public static let limit = 100

    /// The 1-based line where `yaml` first nests deeper than `limit`; nil when it never does, or when it
    /// is not valid YAML before that point (Yams then reports the mistake).
    public static func lineBeyondLimit(_ yaml: String, limit: Int = limit) -> Int? {
        let bytes = Array(yaml.utf8)
        guard !bytes.isEmpty else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var depth = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                let type = event.type
                let line = Int(event.start_mark.line) + 1
                yaml_event_delete(&event)
                switch type {
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    depth += 1
                    if depth > limit { return line }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                case YAML_STREAM_END_EVENT, YAML_NO_EVENT:
                    return nil
                default:
                    break
                }
            }
        }
    }
}
