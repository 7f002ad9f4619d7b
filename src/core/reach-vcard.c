/* reach-vcard.c — a careful vCard reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real address books write vCards loosely: 2.1 with bare parameters
 * ("TEL;WORK;VOICE"), QUOTED-PRINTABLE values broken over lines with a
 * trailing "=", base64 blocks ended by a blank line; 3.0 and 4.0 folded at
 * 75 octets, "BEGIN:vCard" in any case, CRLF or LF.  This reads all of them
 * and refuses what is not a vCard with the line where it went wrong.
 */
#define G_LOG_DOMAIN "reach-vcard"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "reach-place.h"   /* reach_postcode_normalize */
#include "reach-vcard.h"

G_DEFINE_QUARK (reach-vcard-error-quark, reach_vcard_error)

static void
property_free (ReachVcardProperty *property)
{
  g_free (property->name);
  g_strfreev (property->params);
  g_free (property->value);
  g_free (property);
}

void
reach_vcard_card_free (ReachVcardCard *card)
{
  if (card == NULL)
    return;

  g_free (card->version);
  g_ptr_array_unref (card->properties);
  g_free (card);
}

/* One unfolded line and where it started. */
typedef struct
{
  guint    line;
  GString *text;
} Logical;

static void
logical_free (Logical *logical)
{
  g_string_free (logical->text, TRUE);
  g_free (logical);
}

/* The name and parameters end at the first ':' outside double quotes. */
static const char *
find_value_colon (const char *text)
{
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ':' && !quoted)
        return p;
    }

  return NULL;
}

static gboolean
head_has_param (const char *text,
                const char *param)
{
  const char *colon = find_value_colon (text);
  g_autofree char *head = g_ascii_strup (text, colon != NULL ? colon - text : -1);

  return strstr (head, param) != NULL;
}

static gboolean
is_quoted_printable (const char *text)
{
  return head_has_param (text, "QUOTED-PRINTABLE");
}

static gboolean
is_base64_head (const char *text)
{
  return head_has_param (text, "BASE64") || head_has_param (text, "ENCODING=B");
}

static gboolean
looks_like_base64 (const char *line)
{
  if (*line == '\0')
    return FALSE;
  for (const char *p = line; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
      return FALSE;
  return TRUE;
}

/* Physical lines → logical lines: folding, QP soft breaks, 2.1 base64 blocks. */
static GPtrArray *
unfold (const char *data,
        gsize       length)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) logical_free);
  Logical *current = NULL;
  const char *p = data, *end = data + length;
  guint number = 0;

  while (p < end)
    {
      const char *eol = p;
      g_autofree char *line = NULL;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      line = g_strndup (p, eol - p);
      number++;
      if (eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n')
        eol++;
      p = eol + 1;

      if (current != NULL && (line[0] == ' ' || line[0] == '\t'))
        g_string_append (current->text, line + 1);
      else if (line[0] == ' ' || line[0] == '\t')
        {
          /* indented after a blank line: the rest of a 2.1 base64 block, or nothing */
          g_strstrip (line);
          if (line[0] != '\0' && !looks_like_base64 (line))
            {
              current = g_new0 (Logical, 1);
              current->line = number;
              current->text = g_string_new (line);
              g_ptr_array_add (lines, current);
            }
        }
      else if (current != NULL && current->text->len > 0 &&
               current->text->str[current->text->len - 1] == '=' &&
               is_quoted_printable (current->text->str))
        {
          g_string_truncate (current->text, current->text->len - 1);
          g_string_append (current->text, line);
        }
      else if (current != NULL && looks_like_base64 (line) && find_value_colon (line) == NULL &&
               is_base64_head (current->text->str))
        g_string_append (current->text, line);
      else if (line[0] == '\0')
        current = NULL;   /* blank lines separate, and end a 2.1 base64 block */
      else
        {
          current = g_new0 (Logical, 1);
          current->line = number;
          current->text = g_string_new (line);
          g_ptr_array_add (lines, current);
        }
    }

  return g_steal_pointer (&lines);
}

/* Splits on sep outside double quotes. */
static char **
split_unquoted (const char *text,
                char        sep)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  GString *part = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      if (*p == sep && !quoted)
        {
          g_strv_builder_add (parts, part->str);
          g_string_truncate (part, 0);
        }
      else
        g_string_append_c (part, *p);
    }
  g_strv_builder_add (parts, part->str);
  g_string_free (part, TRUE);

  return g_strv_builder_end (parts);
}

/* ENCODING=QUOTED-PRINTABLE, or the bare 2.1 form; likewise CHARSET=… */
static const char *
param_value (char       **params,
             const char  *name)
{
  gsize len = strlen (name);

  for (guint i = 0; params[i] != NULL; i++)
    if (g_ascii_strncasecmp (params[i], name, len) == 0 && params[i][len] == '=')
      return params[i] + len + 1;

  return NULL;
}

static gboolean
has_bare_param (char       **params,
                const char  *name)
{
  for (guint i = 0; params[i] != NULL; i++)
    if (g_ascii_strcasecmp (params[i], name) == 0)
      return TRUE;
  return FALSE;
}

static int
hex_value (char c)
{
  if (g_ascii_isdigit (c))
    return c - '0';
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

static GByteArray *
decode_quoted_printable (const char *text)
{
  GByteArray *bytes = g_byte_array_new ();

  for (const char *p = text; *p != '\0'; p++)
    {
      guint8 b = *p;

      if (*p == '=' && hex_value (p[1]) >= 0 && hex_value (p[2]) >= 0)
        {
          b = hex_value (p[1]) * 16 + hex_value (p[2]);
          p += 2;
        }
      else if (*p == '=' && p[1] == '\0')
        break;   /* a soft break left at the very end */
      g_byte_array_append (bytes, &b, 1);
    }

  return bytes;
}

/* The value as UTF-8: QP decoded and converted from its CHARSET.  With no
 * CHARSET, text that is not UTF-8 came from an old Windows address book:
 * it is read as Windows-1252 and the card says so. */
static char *
decode_value (const char      *raw,
              char           **params,
              ReachVcardCard  *card)
{
  const char *encoding = param_value (params, "ENCODING");
  const char *charset = param_value (params, "CHARSET");
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *converted = NULL;

  if (has_bare_param (params, "QUOTED-PRINTABLE") ||
      (encoding != NULL && g_ascii_strcasecmp (encoding, "QUOTED-PRINTABLE") == 0))
    bytes = decode_quoted_printable (raw);
  else
    {
      bytes = g_byte_array_new ();
      g_byte_array_append (bytes, (const guint8 *) raw, strlen (raw));
    }

  if (bytes->len == 0)
    return g_strdup ("");

  if (charset != NULL && g_ascii_strcasecmp (charset, "UTF-8") != 0 &&
      g_ascii_strcasecmp (charset, "us-ascii") != 0)
    converted = g_convert ((const char *) bytes->data, bytes->len, "UTF-8", charset,
                           NULL, NULL, NULL);
  if (converted == NULL && !g_utf8_validate ((const char *) bytes->data, bytes->len, NULL))
    {
      converted = g_convert ((const char *) bytes->data, bytes->len, "UTF-8", "WINDOWS-1252",
                             NULL, NULL, NULL);
      if (card != NULL)
        card->charset_guessed = TRUE;
    }
  if (converted == NULL)
    converted = g_strndup ((const char *) bytes->data, bytes->len);

  /* whatever happened above, no invalid text goes into the workspace */
  return g_utf8_make_valid (converted, -1);
}

static gboolean
is_binary (const char  *name,
           char       **params)
{
  static const char * const binary[] = { "PHOTO", "LOGO", "SOUND", "KEY" };
  const char *encoding = param_value (params, "ENCODING");

  for (guint i = 0; i < G_N_ELEMENTS (binary); i++)
    if (g_str_equal (name, binary[i]))
      return TRUE;

  return has_bare_param (params, "BASE64") ||
         (encoding != NULL && (g_ascii_strcasecmp (encoding, "BASE64") == 0 ||
                               g_ascii_strcasecmp (encoding, "B") == 0));
}

static ReachVcardProperty *
parse_property (Logical         *logical,
                ReachVcardCard  *card,
                GError         **error)
{
  const char *text = logical->text->str;
  const char *colon = find_value_colon (text);
  g_autofree char *head = NULL;
  g_auto(GStrv) parts = NULL;
  ReachVcardProperty *property;
  const char *name, *dot;

  if (colon == NULL)
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      g_autofree char *shown = g_utf8_substring (valid, 0, MIN (g_utf8_strlen (valid, -1), 40));

      g_set_error (error, REACH_VCARD_ERROR, REACH_VCARD_ERROR_SYNTAX,
                   _("line %u: “%s” is not a vCard property (it has no “:”)"), logical->line, shown);
      return NULL;
    }

  head = g_strndup (text, colon - text);
  parts = split_unquoted (head, ';');
  name = parts[0];
  dot = strrchr (name, '.');   /* "item1.ADR": the group does not matter here */
  if (dot != NULL)
    name = dot + 1;

  if (*name == '\0')
    {
      g_set_error (error, REACH_VCARD_ERROR, REACH_VCARD_ERROR_SYNTAX,
                   _("line %u: a property has no name"), logical->line);
      return NULL;
    }

  property = g_new0 (ReachVcardProperty, 1);
  property->line = logical->line;
  {
    g_autofree char *valid = g_utf8_make_valid (name, -1);

    property->name = g_ascii_strup (valid, -1);
  }
  property->params = g_strdupv (parts + 1);
  if (!is_binary (property->name, property->params))
    property->value = decode_value (colon + 1, property->params, card);

  return property;
}

static gboolean
is_card_marker (ReachVcardProperty *property,
                const char         *marker)
{
  return g_str_equal (property->name, marker) &&
         property->value != NULL &&
         g_ascii_strcasecmp (g_strstrip (property->value), "VCARD") == 0;
}

GPtrArray *
reach_vcard_parse (const char  *data,
                   gsize        length,
                   GError     **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) reach_vcard_card_free);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(ReachVcardCard) card = NULL;
  const char *nul = memchr (data, '\0', length);

  /* text has no NUL bytes: this is some other kind of file */
  if (nul != NULL)
    {
      guint line = 1;

      for (const char *p = data; p < nul; p++)
        line += *p == '\n';
      g_set_error (error, REACH_VCARD_ERROR, REACH_VCARD_ERROR_ENCODING,
                   _("line %u: this is not text (it holds a NUL byte)"), line);
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    data += 3, length -= 3;

  lines = unfold (data, length);
  for (guint i = 0; i < lines->len; i++)
    {
      Logical *logical = g_ptr_array_index (lines, i);
      ReachVcardProperty *property = parse_property (logical, card, error);

      if (property == NULL)
        return NULL;

      if (is_card_marker (property, "BEGIN"))
        {
          if (card != NULL)
            {
              g_set_error (error, REACH_VCARD_ERROR, REACH_VCARD_ERROR_SYNTAX,
                           _("line %u: a card starts before the card on line %u has ended "
                             "(END:VCARD is missing)"), logical->line, card->line);
              property_free (property);
              return NULL;
            }
          card = g_new0 (ReachVcardCard, 1);
          card->line = logical->line;
          card->properties = g_ptr_array_new_with_free_func ((GDestroyNotify) property_free);
          property_free (property);
        }
      else if (card == NULL)
        {
          g_set_error (error, REACH_VCARD_ERROR, REACH_VCARD_ERROR_SYNTAX,
                       _("line %u: “%s” is outside any BEGIN:VCARD … END:VCARD"),
                       logical->line, property->name);
          property_free (property);
          return NULL;
        }
      else if (is_card_marker (property, "END"))
        {
          g_ptr_array_add (cards, g_steal_pointer (&card));
          property_free (property);
        }
      else
        {
          if (g_str_equal (property->name, "VERSION") && property->value != NULL)
            card->version = g_strstrip (g_strdup (property->value));
          g_ptr_array_add (card->properties, property);
        }
    }

  if (card != NULL)
    {
      g_set_error (error, REACH_VCARD_ERROR, REACH_VCARD_ERROR_SYNTAX,
                   _("line %u: the card that starts here has no END:VCARD"), card->line);
      return NULL;
    }

  if (cards->len == 0)
    {
      g_set_error_literal (error, REACH_VCARD_ERROR, REACH_VCARD_ERROR_EMPTY,
                           _("there are no cards (BEGIN:VCARD) in it"));
      return NULL;
    }

  return g_steal_pointer (&cards);
}

const ReachVcardProperty *
reach_vcard_card_get (ReachVcardCard *card,
                      const char     *name)
{
  for (guint i = 0; i < card->properties->len; i++)
    {
      ReachVcardProperty *property = g_ptr_array_index (card->properties, i);

      if (g_ascii_strcasecmp (property->name, name) == 0 && property->value != NULL)
        return property;
    }

  return NULL;
}

char **
reach_vcard_split_value (const char *value,
                         char        sep)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  GString *part = g_string_new (NULL);

  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (part, *p == 'n' || *p == 'N' ? '\n' : *p);
        }
      else if (*p == sep && sep != '\0')
        {
          g_strv_builder_add (parts, part->str);
          g_string_truncate (part, 0);
        }
      else
        g_string_append_c (part, *p);
    }
  g_strv_builder_add (parts, part->str);
  g_string_free (part, TRUE);

  return g_strv_builder_end (parts);
}

/* The whole value unescaped, trimmed; NULL when empty. */
static char *
plain_value (const ReachVcardProperty *property)
{
  g_auto(GStrv) parts = NULL;
  char *text;

  if (property == NULL)
    return NULL;

  parts = reach_vcard_split_value (property->value, '\0');
  text = g_strstrip (g_strdup (parts[0]));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* Joins the non-empty parts with sep, each trimmed and with line breaks as ", ". */
static char *
join_parts (char       **parts,
            const int   *order,
            guint        n,
            const char  *sep)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *part = NULL;
      g_auto(GStrv) lines = NULL;

      if (order[i] >= (int) g_strv_length (parts))
        continue;
      lines = g_strsplit (parts[order[i]], "\n", -1);
      part = g_strstrip (g_strjoinv (", ", lines));
      if (*part == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, sep);
      g_string_append (out, part);
    }

  return g_string_free (out, out->len == 0);
}

/* N = family;given;additional;prefix;suffix → "prefix given additional family suffix" */
static char *
name_from_n (const ReachVcardProperty *n)
{
  static const int order[] = { 3, 1, 2, 0, 4 };
  g_auto(GStrv) parts = NULL;

  if (n == NULL)
    return NULL;
  parts = reach_vcard_split_value (n->value, ';');
  return join_parts (parts, order, G_N_ELEMENTS (order), " ");
}

static gboolean
is_preferred (const ReachVcardProperty *property)
{
  for (guint i = 0; property->params[i] != NULL; i++)
    {
      g_autofree char *upper = g_ascii_strup (property->params[i], -1);

      if (g_str_equal (upper, "PREF") || g_str_has_prefix (upper, "PREF=") ||
          (g_str_has_prefix (upper, "TYPE=") && strstr (upper, "PREF") != NULL))
        return TRUE;
    }
  return FALSE;
}

/* The preferred one of a repeated property, else the first. */
static const ReachVcardProperty *
preferred (ReachVcardCard *card,
           const char     *name)
{
  const ReachVcardProperty *first = NULL;

  for (guint i = 0; i < card->properties->len; i++)
    {
      const ReachVcardProperty *property = g_ptr_array_index (card->properties, i);
      g_autofree char *value = NULL;

      if (!g_str_equal (property->name, name) || !(value = plain_value (property)))
        continue;
      if (is_preferred (property))
        return property;
      if (first == NULL)
        first = property;
    }

  return first;
}

/* ADR = pobox;extended;street;locality;region;postcode;country */
static void
set_address (ReachContact             *contact,
             const ReachVcardProperty *adr)
{
  static const int order[] = { 0, 1, 2, 3, 4, 6 };
  g_auto(GStrv) parts = NULL;

  if (adr == NULL)
    return;

  parts = reach_vcard_split_value (adr->value, ';');
  contact->address = join_parts (parts, order, G_N_ELEMENTS (order), ", ");
  if (g_strv_length (parts) > 5)
    {
      g_autofree char *postcode = g_strstrip (g_strdup (parts[5]));

      if (*postcode != '\0')
        contact->postcode = reach_postcode_normalize (postcode);
    }
}

/* 3.0 "GEO:53.8;-1.5", 4.0 "GEO:geo:53.8,-1.5" */
static void
set_location (ReachContact             *contact,
              const ReachVcardProperty *geo)
{
  const char *text;
  g_auto(GStrv) parts = NULL;
  char *end_lat, *end_lon;
  double lat, lon;

  if (geo == NULL)
    return;

  text = geo->value;
  if (g_ascii_strncasecmp (text, "geo:", 4) == 0)
    text += 4;
  parts = g_strsplit_set (text, ";,", 3);
  if (g_strv_length (parts) < 2)
    return;

  lat = g_ascii_strtod (parts[0], &end_lat);
  lon = g_ascii_strtod (parts[1], &end_lon);
  if (end_lat == parts[0] || end_lon == parts[1] ||
      lat < -90 || lat > 90 || lon < -180 || lon > 180)
    return;

  contact->has_location = TRUE;
  contact->lat = lat;
  contact->lon = lon;
}

static gboolean
is_organisation_card (ReachVcardCard *card)
{
  const ReachVcardProperty *kind = reach_vcard_card_get (card, "KIND");
  const ReachVcardProperty *shown = reach_vcard_card_get (card, "X-ABSHOWAS");

  return (kind != NULL && g_ascii_strncasecmp (kind->value, "org", 3) == 0) ||
         (shown != NULL && g_ascii_strcasecmp (shown->value, "COMPANY") == 0);
}

static char *
organisation_name (ReachVcardCard *card)
{
  const ReachVcardProperty *org = reach_vcard_card_get (card, "ORG");
  g_auto(GStrv) parts = NULL;
  static const int order[] = { 0, 1, 2, 3 };

  if (org == NULL)
    return NULL;
  parts = reach_vcard_split_value (org->value, ';');
  return join_parts (parts, order, G_N_ELEMENTS (order), ", ");
}

static void
append_note (GString    *notes,
             const char *label,
             char       *text)
{
  g_autofree char *owned = text;

  if (owned == NULL)
    return;
  if (notes->len > 0)
    g_string_append_c (notes, '\n');
  if (label != NULL)
    g_string_append_printf (notes, "%s: ", label);
  g_string_append (notes, owned);
}

ReachContact *
reach_vcard_card_to_contact (ReachVcardCard *card)
{
  g_autoptr(ReachContact) contact = reach_contact_new ();
  g_autofree char *organisation = organisation_name (card);
  g_autoptr(GString) notes = g_string_new (NULL);

  contact->email = plain_value (preferred (card, "EMAIL"));
  contact->phone = plain_value (preferred (card, "TEL"));
  if (contact->phone != NULL && g_ascii_strncasecmp (contact->phone, "tel:", 4) == 0)
    {
      /* 4.0 writes a URI: "tel:+1-418-656-9254;ext=102" */
      g_autofree char *uri = contact->phone;
      char *semicolon;

      contact->phone = g_strdup (uri + 4);
      if ((semicolon = strstr (contact->phone, ";ext=")) != NULL)
        memcpy (semicolon, " x ", 3), memmove (semicolon + 3, semicolon + 5, strlen (semicolon + 5) + 1);
    }
  contact->name = plain_value (reach_vcard_card_get (card, "FN"));
  if (contact->name == NULL)
    contact->name = name_from_n (reach_vcard_card_get (card, "N"));

  if (is_organisation_card (card) && organisation != NULL)
    {
      g_free (contact->name);
      contact->name = g_strdup (organisation);
    }
  if (contact->name == NULL && organisation != NULL)
    contact->name = g_strdup (organisation);
  if (contact->name != NULL && g_strcmp0 (contact->name, organisation) == 0)
    contact->kind = REACH_CONTACT_ORGANISATION;

  /* a card with only an address or number is still someone to reach */
  if (contact->name == NULL)
    contact->name = g_strdup (contact->email != NULL ? contact->email : contact->phone);
  if (contact->name == NULL)
    return NULL;

  set_address (contact, preferred (card, "ADR"));
  set_location (contact, reach_vcard_card_get (card, "GEO"));

  if (contact->kind == REACH_CONTACT_PERSON)
    append_note (notes, _("Organisation"), g_steal_pointer (&organisation));
  append_note (notes, _("Job title"), plain_value (reach_vcard_card_get (card, "TITLE")));
  append_note (notes, _("Role"), plain_value (reach_vcard_card_get (card, "ROLE")));
  append_note (notes, NULL, plain_value (reach_vcard_card_get (card, "NOTE")));
  if (notes->len > 0)
    contact->notes = g_strdup (notes->str);

  return g_steal_pointer (&contact);
}
