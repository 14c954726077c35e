/* ipms-json-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One strict pass over a JSON text before json-glib reads it.
 *
 * json-glib's parser returns what it could make of its input and hides the
 * rest: it recurses once per level, so nesting tens of thousands deep
 * overflows the stack; it keeps the last of two equal member names; it cuts
 * a string at an escaped NUL; it wraps integers beyond 64 bits; it turns a
 * lone \uDC00 into bytes that are not UTF-8; it ignores whatever follows the
 * first value; and it accepts comments, single quotes, hex numbers and
 * leading zeros. A plan read that way would be imported with values its file
 * does not hold.
 *
 * This pass follows the RFC 8259 grammar without building anything, with a
 * fixed stack of IPMS_JSON_MAX_DEPTH levels instead of recursion, and
 * refuses:
 *  - anything outside the grammar ("Not valid JSON at LINE:COLUMN: ...");
 *  - and, naming the JSON path of the culprit as the importer does:
 *    nesting deeper than IPMS_JSON_MAX_DEPTH, a member name given twice in
 *    one object, \u0000 and lone UTF-16 surrogates in strings, integers (no
 *    fraction, no exponent) outside the signed 64-bit range, strings that
 *    are not UTF-8, and text after the first value.
 * What passes reads the same through json-glib as through any strict
 * parser. The cost is a fraction of json-glib's own parse: see json_check
 * in src/bench/ipms-bench.c.
 *
 * Messages never echo raw input: names and text go through
 * ipms_json_escape_for_message().
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ipms-json-check.h"
#include "ipms-json.h"

/* Objects keep the names read so far, decoded and NUL-separated, and
 * compare a new one with each: plan rows have a few dozen members, and
 * most names differ in length. Past SMALL_OBJECT names a hash set takes
 * over, so that a hostile object with a million members stays linear. */
#define SMALL_OBJECT 32

typedef struct
{
  gsize start;
  gsize length;
} Name;

typedef struct
{
  gboolean    object;
  gint64      index;     /* arrays: the element being read */
  GString    *text;      /* objects: the names read so far */
  GArray     *names;     /* objects: Name, the names before the current */
  Name        name;      /* objects: the member being read */
  gboolean    has_name;  /* objects: FALSE while the name itself is read */
  GHashTable *set;       /* objects: every name once there are many */
  gboolean    use_set;
} Frame;

typedef struct
{
  const guchar *start;
  const guchar *p;
  const guchar *end;
  Frame         frames[IPMS_JSON_MAX_DEPTH];
  guint         depth;
  GError      **error;
} Checker;

/* Messages */

static void
append_escaped (GString    *out,
                const char *text,
                gssize      length,
                guint       max_chars,
                gboolean    in_quotes)
{
  const char *p = text;
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);
  guint n = 0;

  while (p < end)
    {
      gunichar c;

      if (n++ == max_chars)
        {
          g_string_append (out, "…");
          return;
        }

      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }

      p = g_utf8_next_char (p);

      switch (c)
        {
        case '\n': g_string_append (out, "\\n"); continue;
        case '\r': g_string_append (out, "\\r"); continue;
        case '\t': g_string_append (out, "\\t"); continue;
        case '"':
        case '\\':
          if (in_quotes)
            g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
          continue;
        default:
          break;
        }

      /* Controls, format characters (bidi overrides) and line separators
       * could reshape the message they are shown in. */
      if (!g_unichar_isprint (c) ||
          g_unichar_type (c) == G_UNICODE_LINE_SEPARATOR ||
          g_unichar_type (c) == G_UNICODE_PARAGRAPH_SEPARATOR)
        {
          if (c <= 0xFFFF)
            g_string_append_printf (out, "\\u%04X", c);
          else
            g_string_append_printf (out, "\\u{%X}", c);
        }
      else
        g_string_append_unichar (out, c);
    }
}

char *
ipms_json_escape_for_message (const char *text,
                              gssize      length,
                              guint       max_chars)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (NULL);
  append_escaped (out, text, length, max_chars, FALSE);

  return g_string_free (out, FALSE);
}

void
ipms_json_append_member (GString    *path,
                         const char *name,
                         gssize      length)
{
  gsize n = length < 0 ? strlen (name) : (gsize) length;
  gboolean plain = n > 0 && n <= 64 && (g_ascii_isalpha (name[0]) || name[0] == '_');

  for (gsize i = 1; plain && i < n; i++)
    plain = g_ascii_isalnum (name[i]) || name[i] == '_';

  if (plain)
    {
      g_string_append_c (path, '.');
      g_string_append_len (path, name, (gssize) n);
      return;
    }

  g_string_append (path, "[\"");
  append_escaped (path, name, (gssize) n, 40, TRUE);
  g_string_append (path, "\"]");
}

static void
position (const Checker *c,
          guint         *line,
          guint         *column)
{
  *line = 1;
  *column = 1;

  /* Only on error, so counting from the start costs nothing that matters.
   * A column counts characters: continuation bytes do not start one. */
  for (const guchar *q = c->start; q < c->p && q < c->end; q++)
    {
      if (*q == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if ((*q & 0xC0) != 0x80)
        (*column)++;
    }
}

static char *
describe_here (const Checker *c)
{
  gunichar ch;

  if (c->p >= c->end)
    return g_strdup (_("the end of the text"));

  if (*c->p > 0x20 && *c->p < 0x7F)
    return g_strdup_printf ("“%c”", *c->p);

  ch = g_utf8_get_char_validated ((const char *) c->p, c->end - c->p);
  if (ch == (gunichar) -1 || ch == (gunichar) -2)
    /* Translators: a byte of a file that is not text, as in “the byte 0xFF” */
    return g_strdup_printf (_("the byte 0x%02X"), *c->p);

  return g_strdup_printf ("U+%04X", ch);
}

static gboolean G_GNUC_PRINTF (2, 3)
syntax (Checker    *c,
        const char *format,
        ...)
{
  g_autofree char *reason = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  position (c, &line, &column);
  g_set_error (c->error, IPMS_JSON_ERROR, IPMS_JSON_ERROR_SYNTAX,
               /* Translators: the line and column of a mistake in a JSON
                * file, then what is wrong there */
               _("Not valid JSON at %u:%u: %s"), line, column, reason);

  return FALSE;
}

/* A mistake where a value, or a name, was expected: says what was found. */
static gboolean
unexpected (Checker    *c,
            const char *expected)
{
  g_autofree char *found = describe_here (c);

  /* Translators: “expected a value, found “x”” */
  return syntax (c, _("%s, found %s"), expected, found);
}

static char *
current_path (const Checker *c)
{
  GString *path = g_string_new ("$");

  for (guint i = 0; i < c->depth; i++)
    {
      const Frame *frame = &c->frames[i];

      if (!frame->object)
        g_string_append_printf (path, "[%" G_GINT64_FORMAT "]", frame->index);
      else if (frame->has_name)
        ipms_json_append_member (path, frame->text->str + frame->name.start, (gssize) frame->name.length);
    }

  return g_string_free (path, FALSE);
}

static gboolean G_GNUC_PRINTF (2, 3)
invalid (Checker    *c,
         const char *format,
         ...)
{
  g_autofree char *path = current_path (c);
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a location in a JSON file such as
   * “$.products[3].price”, then what is wrong there. */
  g_set_error (c->error, IPMS_JSON_ERROR, IPMS_JSON_ERROR_INVALID, _("%s: %s"), path, reason);

  return FALSE;
}

/* Tokens */

static void
skip_space (Checker *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\n' || *c->p == '\r' || *c->p == '\t'))
    c->p++;
}

static int
hex_digit (guchar ch)
{
  if (ch >= '0' && ch <= '9')
    return ch - '0';
  if (ch >= 'a' && ch <= 'f')
    return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F')
    return ch - 'A' + 10;
  return -1;
}

/* Reads the four hex digits after "\u" at c->p. */
static gboolean
read_hex4 (Checker  *c,
           gunichar *out)
{
  *out = 0;

  for (guint i = 0; i < 4; i++)
    {
      int digit = c->p < c->end ? hex_digit (*c->p) : -1;

      if (digit < 0)
        return unexpected (c, _("expected four hex digits after \\u"));

      *out = *out * 16 + (gunichar) digit;
      c->p++;
    }

  return TRUE;
}

static gboolean
read_escape (Checker *c,
             GString *out)
{
  gunichar ch;

  /* At the character after the backslash. */
  if (c->p >= c->end)
    return unexpected (c, _("expected an escape"));

  switch (*c->p++)
    {
    case '"':  ch = '"'; break;
    case '\\': ch = '\\'; break;
    case '/':  ch = '/'; break;
    case 'b':  ch = '\b'; break;
    case 'f':  ch = '\f'; break;
    case 'n':  ch = '\n'; break;
    case 'r':  ch = '\r'; break;
    case 't':  ch = '\t'; break;
    case 'u':
      if (!read_hex4 (c, &ch))
        return FALSE;

      if (ch == 0)
        return invalid (c, _("the text holds an escaped NUL character (\\u0000), which a project cannot store"));

      if (ch >= 0xDC00 && ch <= 0xDFFF)
        return invalid (c, _("the text holds a lone UTF-16 surrogate (\\u%04X)"), ch);

      if (ch >= 0xD800 && ch <= 0xDBFF)
        {
          gunichar low;

          if (c->end - c->p < 2 || c->p[0] != '\\' || c->p[1] != 'u')
            return invalid (c, _("the text holds a lone UTF-16 surrogate (\\u%04X)"), ch);

          c->p += 2;
          if (!read_hex4 (c, &low))
            return FALSE;

          if (low < 0xDC00 || low > 0xDFFF)
            return invalid (c, _("the text holds a lone UTF-16 surrogate (\\u%04X)"), ch);

          ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
        }
      break;

    default:
      c->p--;
      return unexpected (c, _("expected one of the escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u"));
    }

  if (out != NULL)
    g_string_append_unichar (out, ch);

  return TRUE;
}

/* Reads the string at c->p; decodes it into `out` when not NULL. */
static gboolean
read_string (Checker *c,
             GString *out)
{
  const guchar *run;

  c->p++;
  run = c->p;

  for (;;)
    {
      guchar ch;

      if (c->p >= c->end)
        return syntax (c, _("the text ends inside a string"));

      ch = *c->p;

      /* Most of a plan is plain ASCII text. */
      if (ch >= 0x20 && ch < 0x80 && ch != '"' && ch != '\\')
        {
          c->p++;
          continue;
        }

      if (ch == '"')
        {
          if (out != NULL)
            g_string_append_len (out, (const char *) run, c->p - run);
          c->p++;
          return TRUE;
        }

      if (ch == '\\')
        {
          if (out != NULL)
            g_string_append_len (out, (const char *) run, c->p - run);
          c->p++;
          if (!read_escape (c, out))
            return FALSE;
          run = c->p;
          continue;
        }

      if (ch < 0x20)
        return syntax (c, _("a control character in a string must be written as \\u%04X"), ch);

      {
        gunichar wide = g_utf8_get_char_validated ((const char *) c->p, c->end - c->p);
        guint line, column;

        if (wide == (gunichar) -1 || wide == (gunichar) -2)
          {
            position (c, &line, &column);
            return invalid (c, _("the text is not valid UTF-8 (the byte 0x%02X at %u:%u)"),
                            ch, line, column);
          }

        c->p = (const guchar *) g_utf8_next_char (c->p);
      }
    }
}

static gboolean
read_literal (Checker    *c,
              const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (c->end - c->p) < n || memcmp (c->p, word, n) != 0)
    return unexpected (c, _("expected a value"));

  c->p += n;
  return TRUE;
}

static gboolean
read_digits (Checker *c)
{
  if (c->p >= c->end || !g_ascii_isdigit (*c->p))
    return unexpected (c, _("expected a digit"));

  while (c->p < c->end && g_ascii_isdigit (*c->p))
    c->p++;

  return TRUE;
}

static gboolean
read_number (Checker *c)
{
  gboolean negative = FALSE;
  gboolean integer = TRUE;
  gboolean overflow = FALSE;
  guint64 magnitude = 0;

  if (*c->p == '-')
    {
      negative = TRUE;
      c->p++;
    }

  if (c->p >= c->end || !g_ascii_isdigit (*c->p))
    return unexpected (c, _("expected a digit"));

  if (*c->p == '0')
    {
      c->p++;
      if (c->p < c->end && g_ascii_isdigit (*c->p))
        return syntax (c, _("a number must not start with 0"));
    }
  else
    {
      while (c->p < c->end && g_ascii_isdigit (*c->p))
        {
          guint digit = *c->p++ - '0';

          if (magnitude > (G_MAXUINT64 - digit) / 10)
            overflow = TRUE;
          else
            magnitude = magnitude * 10 + digit;
        }
    }

  if (c->p < c->end && *c->p == '.')
    {
      integer = FALSE;
      c->p++;
      if (!read_digits (c))
        return FALSE;
    }

  if (c->p < c->end && (*c->p == 'e' || *c->p == 'E'))
    {
      integer = FALSE;
      c->p++;
      if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
        c->p++;
      if (!read_digits (c))
        return FALSE;
    }

  /* json-glib keeps integers in a gint64 and wraps the others. */
  if (integer && (overflow || magnitude > (negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64)))
    return invalid (c, _("the integer is outside the 64-bit range "
                         "(-9223372036854775808 to 9223372036854775807)"));

  return TRUE;
}

/* Structure */

static gboolean
push (Checker  *c,
      gboolean  object)
{
  Frame *frame;

  if (c->depth == IPMS_JSON_MAX_DEPTH)
    return invalid (c, _("nested deeper than %d levels"), IPMS_JSON_MAX_DEPTH);

  frame = &c->frames[c->depth++];
  frame->object = object;
  frame->index = 0;
  frame->has_name = FALSE;

  if (object)
    {
      if (frame->text == NULL)
        {
          frame->text = g_string_new (NULL);
          frame->names = g_array_new (FALSE, FALSE, sizeof (Name));
          frame->set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        }

      g_string_truncate (frame->text, 0);
      g_array_set_size (frame->names, 0);
      if (frame->use_set)
        g_hash_table_remove_all (frame->set);
      frame->use_set = FALSE;
    }

  c->p++;
  return TRUE;
}

/* Reads `"name" :` in the innermost object. */
static gboolean
read_name (Checker *c)
{
  Frame *frame = &c->frames[c->depth - 1];

  frame->has_name = FALSE;

  if (c->p >= c->end || *c->p != '"')
    return unexpected (c, _("expected a member name in quotes"));

  frame->name.start = frame->text->len;
  if (!read_string (c, frame->text))
    return FALSE;

  frame->name.length = frame->text->len - frame->name.start;
  g_string_append_c (frame->text, '\0');
  frame->has_name = TRUE;

  /* Escapes are decoded, so "a" and "\u0061" are the same name. */
  if (!frame->use_set)
    {
      const char *name = frame->text->str + frame->name.start;

      for (guint i = 0; i < frame->names->len; i++)
        {
          const Name *seen = &g_array_index (frame->names, Name, i);

          if (seen->length == frame->name.length &&
              memcmp (frame->text->str + seen->start, name, seen->length) == 0)
            return invalid (c, _("the member is given twice in one object"));
        }

      g_array_append_val (frame->names, frame->name);

      if (frame->names->len == SMALL_OBJECT)
        {
          for (guint i = 0; i < frame->names->len; i++)
            g_hash_table_add (frame->set, g_strdup (frame->text->str + g_array_index (frame->names, Name, i).start));
          frame->use_set = TRUE;
        }
    }
  else if (!g_hash_table_add (frame->set, g_strdup (frame->text->str + frame->name.start)))
    return invalid (c, _("the member is given twice in one object"));

  skip_space (c);
  if (c->p >= c->end || *c->p != ':')
    return unexpected (c, _("expected “:”"));

  c->p++;
  return TRUE;
}

static gboolean
check_text (Checker *c)
{
  skip_space (c);

  if (c->p >= c->end)
    {
      g_set_error (c->error, IPMS_JSON_ERROR, IPMS_JSON_ERROR_SYNTAX,
                   _("Not valid JSON: the file is empty"));
      return FALSE;
    }

  for (;;)
    {
      Frame *top;

      /* One value, or the start of an array or object. */
      skip_space (c);

      if (c->p >= c->end)
        return unexpected (c, _("expected a value"));

      switch (*c->p)
        {
        case '{':
          if (!push (c, TRUE))
            return FALSE;
          skip_space (c);
          if (c->p < c->end && *c->p == '}')
            {
              c->p++;
              c->depth--;
              break;
            }
          if (!read_name (c))
            return FALSE;
          continue;

        case '[':
          if (!push (c, FALSE))
            return FALSE;
          skip_space (c);
          if (c->p < c->end && *c->p == ']')
            {
              c->p++;
              c->depth--;
              break;
            }
          continue;

        case '"':
          if (!read_string (c, NULL))
            return FALSE;
          break;

        case 't':
          if (!read_literal (c, "true"))
            return FALSE;
          break;

        case 'f':
          if (!read_literal (c, "false"))
            return FALSE;
          break;

        case 'n':
          if (!read_literal (c, "null"))
            return FALSE;
          break;

        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          if (!read_number (c))
            return FALSE;
          break;

        default:
          return unexpected (c, _("expected a value"));
        }

      /* After a value: close containers until one goes on. */
      for (;;)
        {
          skip_space (c);

          if (c->depth == 0)
            {
              if (c->p < c->end)
                {
                  guint line, column;

                  position (c, &line, &column);
                  return invalid (c, _("more text follows the end of the JSON document, at %u:%u"),
                                  line, column);
                }
              return TRUE;
            }

          top = &c->frames[c->depth - 1];

          if (c->p < c->end && *c->p == (top->object ? '}' : ']'))
            {
              c->p++;
              c->depth--;
              continue;
            }

          if (c->p < c->end && *c->p == ',')
            {
              c->p++;
              break;
            }

          return unexpected (c, top->object ? _("expected “,” or “}”") : _("expected “,” or “]”"));
        }

      if (top->object)
        {
          skip_space (c);
          if (!read_name (c))
            return FALSE;
        }
      else
        top->index++;
    }
}

gboolean
ipms_json_check (const char  *data,
                 gsize        length,
                 GError     **error)
{
  Checker c = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  c.start = (const guchar *) data;
  /* RFC 8259 lets a reader skip the byte order mark some editors write. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    c.start += 3;
  c.p = c.start;
  c.end = (const guchar *) data + length;
  c.error = error;

  ok = check_text (&c);

  for (guint i = 0; i < IPMS_JSON_MAX_DEPTH; i++)
    {
      if (c.frames[i].text != NULL)
        g_string_free (c.frames[i].text, TRUE);
      g_clear_pointer (&c.frames[i].names, g_array_unref);
      g_clear_pointer (&c.frames[i].set, g_hash_table_unref);
    }

  return ok;
}
