package org.attendanceoutreach.internal;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheResolver;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.ValueCode;
import com.github.mustachejava.reflect.MapObjectHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's one way to render a template (the letters, the HTML report): mustache.java, set up
 * so that a template can do nothing but show the data it is given.
 * <ul>
 *   <li>The data is a tree of {@code Map<String, ?>}, {@code List} and {@code String} only, checked before
 *       rendering ({@link #checkModel}): never one of our objects, so no template can call a method, read a
 *       field or reach a class. The object handler reads map keys only (mustache.java's
 *       {@link MapObjectHandler}: no reflection at all), also through dotted names.</li>
 *   <li>Values are escaped for HTML ({@link Escaping#HTML}) or written as they are, for plain text that the
 *       caller escapes where it goes ({@link Escaping#NONE}: the letters, whose HTML page escapes every
 *       character of the rendered text). {@code {{{x}}}} and {@code {{&x}}} (unescaped), pragmas, changing
 *       the delimiters, dynamic partials ({@code {{>*x}}}) and template inheritance are refused when a
 *       template is compiled.</li>
 *   <li>Partials ({@code {{> name}}}) resolve only to templates of the same set: a plain file name
 *       ({@code letters, digits, '-', '_', '.'}, ending {@code .mustache}), never a path, never a link.</li>
 * </ul>
 * A {@code Templates} is immutable once built and safe to share between threads (mustache.java caches
 * compiled templates).
 */
public final class Templates {
    /** A template's file name: no folder, no path, one extension at the end. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,100}\\.mustache");
    /** Where mustache.java says a problem is: {@code @[letter.en.mustache:12]}. */
    private static final Pattern AT = Pattern.compile("@\\[([^:\\]]*):(\\d+)]");

    /** How values are written. */
    public enum Escaping {
        /** {@code <}, {@code &}, quotes … as HTML entities: for a template that writes HTML. */
        HTML,
        /** As they are: for plain text, escaped by whoever puts it somewhere (a page, JSON, a terminal). */
        NONE
    }

    /** One tag of a template, where it is: what {@code validate} checks. */
    public record Tag(Kind kind, String name, int line) {
        public enum Kind { VALUE, SECTION, INVERTED_SECTION, PARTIAL }
    }

    /** A template that does what templates may not, or does not parse, at its line (0 when unknown). */
    public static final class TemplateException extends RuntimeException {
        private final int line;

        TemplateException(String message, int line) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final Factory factory;

    private Templates(MustacheResolver resolver, Escaping escaping, List<Tag> record) {
        this.factory = new Factory(resolver, escaping, record);
    }

    /** Templates given as text, file name to text (the letters of a rules folder, held in memory). */
    public static Templates fromTexts(Map<String, String> texts, Escaping escaping) {
        Map<String, String> copy = Map.copyOf(texts);
        return new Templates(name -> {
            String text = copy.get(checkedName(name));
            return text == null ? null : new StringReader(text);
        }, escaping, null);
    }

    /** Templates that are resources of the library jar, in the package folder {@code folder} (e.g. {@code org/attendanceoutreach/output}). */
    public static Templates fromClasspath(String folder, Escaping escaping) {
        String root = folder.endsWith("/") ? folder : folder + "/";
        return new Templates(name -> {
            InputStream in = Templates.class.getClassLoader().getResourceAsStream(root + checkedName(name));
            return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
        }, escaping, null);
    }

    /** Templates that are files of one folder. Links are not followed. */
    public static Templates fromFolder(Path folder, Escaping escaping) {
        Path root = folder.toAbsolutePath().normalize();
        return new Templates(name -> {
            Path file = root.resolve(checkedName(name));
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            try {
                return new StringReader(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, escaping, null);
    }

    /** Whether {@code name} is a template's file name (no folder, no path, ending {@code .mustache}). */
    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..");
    }

    private static String checkedName(String name) {
        if (!isName(name)) {
            throw new MustacheException("a template can only include another template of its own folder by its file name, "
                    + "like {{> part.mustache}}");
        }
        return name;
    }

    /**
     * Renders the template {@code name} of this set with {@code model}.
     *
     * @throws IllegalArgumentException when the model holds anything but maps, lists and strings
     * @throws TemplateException        when the template is missing, does not parse, or does something templates may not do
     */
    public void render(String name, Map<String, ?> model, Writer out) throws IOException {
        checkModel(model, "model");
        Mustache m;
        try {
            m = factory.compile(checkedName(name));
        } catch (MustacheException e) {
            throw problem(e);
        }
        try {
            m.execute(out, model).flush();
        } catch (MustacheException e) {
            throw problem(e);
        }
    }

    /** {@link #render(String, Map, Writer)} to a string. */
    public String render(String name, Map<String, ?> model) {
        StringWriter w = new StringWriter();
        try {
            render(name, model, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * Every tag of a template given as text, in order, with its line; partials it names are not
     * followed. For checks such as {@code validate}'s.
     *
     * @throws TemplateException when it does not parse or does what templates may not do
     */
    public static List<Tag> tags(String name, String text) {
        List<Tag> out = new ArrayList<>();
        Factory f = new Templates(n -> null, Escaping.NONE, out).factory;
        try {
            f.compile(new StringReader(text), name);
        } catch (MustacheException e) {
            throw problem(e);
        }
        out.sort(java.util.Comparator.comparingInt(Tag::line)); // a section is noted when it closes: in line order
        return out;
    }

    /** Fails unless {@code value} is a tree of {@code Map<String, ?>}, {@code List} and {@code String} (no nulls). */
    public static void checkModel(Object value, String where) {
        if (value instanceof String) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(where + ": a template's data has string keys only");
                }
                checkModel(e.getValue(), where + "." + key);
            }
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkModel(list.get(i), where + "[" + i + "]");
            }
            return;
        }
        throw new IllegalArgumentException(where + ": a template is given maps, lists and strings only, not "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    /** mustache.java's message, in words for the people who edit templates, with its line. */
    private static TemplateException problem(MustacheException e) {
        String message = e.getMessage() == null ? "the template cannot be read" : e.getMessage();
        int line = 0;
        Matcher at = AT.matcher(message);
        if (at.find()) {
            line = Integer.parseInt(at.group(2));
        }
        if (e.getContext() != null) {
            line = e.getContext().line();
        }
        String plain = message.replaceAll("\\s*@\\[[^]]*]", "").strip();
        Matcher close = Pattern.compile("Failed to close '(.*)' tag").matcher(plain);
        if (close.find()) {
            plain = "the section {{#" + close.group(1) + "}} (or {{^" + close.group(1) + "}}) is never closed: add {{/"
                    + close.group(1) + "}} where it ends";
        } else if (plain.startsWith("Mismatched start/end tags")) {
            plain = "sections closed in the wrong order or with another name (" + plain.substring("Mismatched start/end tags".length())
                    .replaceAll("^[: ]+", "") + "): each {{#name}} ends with its own {{/name}}, inner ones first";
        } else if (plain.startsWith("Failed to compile partial") || plain.startsWith("Template") && plain.contains("not found")) {
            plain = "includes a template that is not in the folder (" + plain + ")";
        }
        return new TemplateException(plain, line);
    }

    private static final class Factory extends DefaultMustacheFactory {
        private final Escaping escaping;
        private final List<Tag> record;

        Factory(MustacheResolver resolver, Escaping escaping, List<Tag> record) {
            super(resolver);
            this.escaping = escaping;
            this.record = record;
            setObjectHandler(new MapObjectHandler());
            mc.setAllowChangingDelimeters(false);
            setRecursionLimit(20);
        }

        @Override
        public void encode(String value, Writer writer) {
            if (escaping == Escaping.HTML) {
                super.encode(value, writer);
                return;
            }
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException("failed to write", e);
            }
        }

        @Override
        public String resolvePartialPath(String dir, String name, String extension) {
            // partials are looked up by their own name in the same set, whatever folder the includer names
            String n = name.strip();
            return checkedName(n.endsWith(extension) ? n : n + extension);
        }

        @Override
        public MustacheVisitor createMustacheVisitor() {
            return new DefaultMustacheVisitor(this) {
                @Override
                public void pragma(TemplateContext tc, String pragma, String args) {
                    throw new MustacheException("a template may not use pragmas ({{%" + pragma + "}})", tc);
                }

                @Override
                public void value(TemplateContext tc, String variable, boolean encoded) {
                    if (!encoded) {
                        throw new MustacheException("a template may not write a value unescaped ({{{" + variable
                                + "}}} or {{&" + variable + "}}): write {{" + variable + "}}", tc);
                    }
                    note(Tag.Kind.VALUE, variable, tc);
                    list.add(new ValueCode(tc, df, variable, true));
                }

                @Override
                public void iterable(TemplateContext tc, String variable, Mustache mustache) {
                    note(Tag.Kind.SECTION, variable, tc);
                    super.iterable(tc, variable, mustache);
                }

                @Override
                public void notIterable(TemplateContext tc, String variable, Mustache mustache) {
                    note(Tag.Kind.INVERTED_SECTION, variable, tc);
                    super.notIterable(tc, variable, mustache);
                }

                @Override
                public void partial(TemplateContext tc, String variable, String indent) {
                    note(Tag.Kind.PARTIAL, variable.strip(), tc);
                    if (record == null) {
                        super.partial(tc, variable, indent);
                    }
                }

                @Override
                public void dynamicPartial(TemplateContext tc, String variable, String indent) {
                    throw new MustacheException("a template may not choose what to include from its data ({{>*"
                            + variable + "}}): name the template, like {{> part.mustache}}", tc);
                }

                @Override
                public void extend(TemplateContext tc, String variable, Mustache mustache) {
                    throw new MustacheException("a template may not extend another ({{<" + variable + "}}):"
                            + " include the shared part with {{> part.mustache}}", tc);
                }

                @Override
                public void name(TemplateContext tc, String variable, Mustache mustache) {
                    throw new MustacheException("a template may not define blocks ({{$" + variable + "}})", tc);
                }

                @Override
                public void checkName(TemplateContext tc, String variable, Mustache mustache) {
                    throw new MustacheException("a template may not use {{?" + variable + "}}", tc);
                }
            };
        }

        private void note(Tag.Kind kind, String name, TemplateContext tc) {
            if (record != null) {
                record.add(new Tag(kind, name, tc.line()));
            }
        }

        @Override
        public Reader getReader(String resourceName) {
            return super.getReader(checkedName(resourceName));
        }
    }
}
