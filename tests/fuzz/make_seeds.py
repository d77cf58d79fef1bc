#!/usr/bin/env python3
"""Writes the seed corpora of tests/fuzz/corpus/ (run from anywhere; idempotent).

The seeds are checked in; this script is how they were made, so a seed can be
changed or added readably. Binary targets (fuzz_copy_encoding,
fuzz_spool_roundtrip) take length-prefixed fields: see their headers.
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")

U1 = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
U2 = "5f0c7a3e-2b1d-4c8e-9f6a-1e2d3c4b5a69"


def write(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def req(lines, body=""):
    return "\r\n".join(lines) + "\r\n\r\n" + body


def http_seeds():
    t = "fuzz_http"
    click = '{"search_id":"%s","product_id":"%s"}' % (U1, U2)
    write(t, "get_healthz", req(["GET /healthz HTTP/1.1", "Host: search.ayurvedacart.in"]))
    write(t, "pipelined_get_head_close",
          req(["GET /readyz HTTP/1.1", "Host: a"]) +
          req(["HEAD /healthz HTTP/1.1", "Host: a"]) +
          req(["GET /metrics HTTP/1.1", "Host: a", "Accept: text/plain"]) +
          req(["GET /healthz HTTP/1.1", "Host: a", "Connection: close"]))
    write(t, "post_click", req(["POST /events/click HTTP/1.1", "Host: a",
                                "Content-Type: application/json; charset=utf-8",
                                "Content-Length: %d" % len(click)], click))
    chunks = "%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n" % (10, click[:10], len(click) - 10, click[10:])
    write(t, "post_click_chunked", req(["POST /events/click HTTP/1.1", "Host: a",
                                        "Content-Type: application/json", "Transfer-Encoding: chunked"], chunks))
    write(t, "chunked_extensions_trailer",
          req(["POST /events/click HTTP/1.1", "Host: a", "Content-Type: application/ld+json",
               "Transfer-Encoding: chunked"],
              "5;name=value\r\n{\"sea\r\n0\r\nX-Trailer: 1\r\n\r\n") + req(["GET /healthz HTTP/1.1", "Host: a"]))
    write(t, "click_wrong_type", req(["POST /events/click HTTP/1.1", "Host: a", "Content-Type: text/plain",
                                      "Content-Length: 2"], "{}"))
    write(t, "click_upper_uuid_keepalive_10",
          req(["POST /events/click HTTP/1.0", "Connection: keep-alive", "Content-Type: application/json",
               "Content-Length: %d" % len(click.upper())], click.upper()) +
          req(["GET /healthz HTTP/1.0"]))
    # Smuggling attempts: every one must be refused (framing_problem) or read alike by both sides.
    write(t, "smuggle_cl_te", req(["POST /events/click HTTP/1.1", "Host: a", "Content-Length: 6",
                                   "Transfer-Encoding: chunked"], "0\r\n\r\nG") + "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
    write(t, "smuggle_te_cl", req(["POST /events/click HTTP/1.1", "Host: a", "Transfer-Encoding: chunked",
                                   "Content-Length: 4"], "5c\r\nGPOST / HTTP/1.1\r\n\r\n0\r\n\r\n"))
    write(t, "smuggle_te_gzip_last", req(["POST /events/click HTTP/1.1", "Host: a",
                                          "Transfer-Encoding: chunked, gzip"], "0\r\n\r\n"))
    write(t, "smuggle_te_twice", req(["POST /events/click HTTP/1.1", "Host: a", "Transfer-Encoding: gzip",
                                      "Transfer-Encoding: chunked"], "0\r\n\r\n"))
    write(t, "smuggle_te_xchunked", req(["POST /events/click HTTP/1.1", "Host: a", "Transfer-Encoding: xchunked"],
                                        "0\r\n\r\n"))
    write(t, "smuggle_te_param", req(["POST /events/click HTTP/1.1", "Host: a",
                                      "Transfer-Encoding: chunked;q=1.0"], "0\r\n\r\n"))
    write(t, "smuggle_te_space_before_colon", req(["POST /events/click HTTP/1.1", "Host: a",
                                                   "Transfer-Encoding : chunked"], "0\r\n\r\n"))
    write(t, "smuggle_te_http10", req(["POST /events/click HTTP/1.0", "Transfer-Encoding: chunked"], "0\r\n\r\n"))
    write(t, "smuggle_te_obs_fold", req(["POST /events/click HTTP/1.1", "Host: a", "Transfer-Encoding:",
                                         " chunked"], "0\r\n\r\n"))
    write(t, "two_content_lengths", req(["POST /events/click HTTP/1.1", "Host: a", "Content-Length: 2, 2",
                                         "Content-Length: 2", "Content-Type: application/json"], "{}"))
    write(t, "two_hosts", req(["GET /healthz HTTP/1.1", "Host: a", "Host: b"]))
    write(t, "no_host_11", req(["GET /healthz HTTP/1.1"]))
    write(t, "body_over_limit", req(["POST /events/click HTTP/1.1", "Host: a", "Content-Length: 100000"], "{"))
    write(t, "bare_lf", "GET /healthz HTTP/1.1\nHost: a\n\n")
    write(t, "absolute_form", req(["GET http://search.ayurvedacart.in:8080/healthz?x=1#frag HTTP/1.1", "Host: a"]))
    write(t, "search_params", req(["GET /search?q=%E0%A4%85%E0%A4%B6%E0%A5%8D%E0%A4%B5%E0%A4%97%E0%A4%82%E0%A4%A7%E0%A4%BE"
                                   "+500mg&limit=10&offset=20&min_price=1e3&max_price=2500.50&in_stock=true"
                                   "&sort=price_asc&country=in HTTP/1.1", "Host: a"]))
    write(t, "params_bad", req(["GET /search?q=a&q=b&limit=0x10&min_price=nan&sort=cheap&country=Atlantis&"
                                "in_stock=yes&session_id=%00%7F HTTP/1.1", "Host: a"]))
    write(t, "path_percent", req(["GET /products/abc%2Fdef/related?kind=similar HTTP/1.1", "Host: a"]) +
          req(["GET /products/%ZZ/related HTTP/1.1", "Host: a"]))
    write(t, "path_control_utf8", req(["GET /users/%C3%28%0A/recommendations HTTP/1.1", "Host: a"]))
    write(t, "method_not_allowed", req(["DELETE /healthz HTTP/1.1", "Host: a"]) +
          req(["GET /events/click HTTP/1.1", "Host: a"]))
    write(t, "garbage_request_line", "GET\x00/ HTTP/9.9\r\n\r\n")
    write(t, "x_forwarded_for_v6_garbage",
          req(["GET /healthz HTTP/1.1", "Host: a", "X-Forwarded-For: 2001:db8::7, ::ffff:10.0.0.1",
               "X-Forwarded-For: unknown, 192.0.2.9, fd00::1", "X-Request-Id: abc-123_X.y"]))
    write(t, "x_forwarded_for", req(["GET /healthz HTTP/1.1", "Host: a", "X-Forwarded-For: 203.0.113.7, 10.0.0.1",
                                     "User-Agent: Mozilla/5.0 (Linux; Android 14) अ"]))


def query_seeds():
    t = "fuzz_query_text"
    seeds = {
        "devanagari_ashwagandha": "अश्वगंधा",
        "iast_ashvagandha_500mg": "Aśvagandhā 500mg",
        "devanagari_tulsi_drops_20ml": "तुलसी ड्रॉप्स 20ml",
        "devanagari_digits_nukta": "ज़ाफ़रान १०० ग्राम",
        "devanagari_visarga_chandrabindu": "दुःख हँसी शिलाजीत",
        "iast_taila": "Mahānārāyaṇa Taila (Ghṛta) – 200 ml",
        "quantities": "Chyawanprash 1.5kg, liv52 60caps 500mgx B12",
        "possessive_quotes": "women’s health “pure” ‘amla’s’",
        "markup": "<p><strong>Ash</strong>wagandha &amp; calm&nbsp;&#8377;450 &#x20B9;<br><script>x</script></p>",
        "invisible_chars": "ashwa\u00adgandha\u200b churna\ufeff",
        "emoji_rupee": "kesar 🌿 ₹499 ®™",
        "invalid_utf8": b"tulsi \xff\xfe \xe0\xa4 \xc3\x28 \xed\xa0\x80 amla",
        "hinglish": "sardi khansi ke liye kadha",
        "function_words_only": "ke liye",
        "hinglish_devanagari_function_words": "पेट दर्द के लिये",
        "spelling_romanisations": "dashmularishta Dasamularishtam chyavanaprasha kumkumadi",
        "json_specials": "q\"\\\u0000\u001f\u007f",
    }
    for name, value in seeds.items():
        write(t, name, value)


def click_seeds():
    t = "fuzz_click_event"
    write(t, "valid", '{"search_id":"%s","product_id":"%s"}' % (U1, U2))
    write(t, "upper_case_extra_fields", '{"product_id":"%s","search_id":"%s","position":3,"x":[1,{}]}'
          % (U2.upper(), U1.upper()))
    write(t, "escaped_key", '{"search\\u005fid":"%s","product_id":"%s"}' % (U1, U2))
    write(t, "duplicate_key", '{"search_id":"%s","search_id":"%s","product_id":"%s"}' % (U1, U2, U2))
    write(t, "missing_product", '{"search_id":"%s"}' % U1)
    write(t, "not_string", '{"search_id":1,"product_id":null}')
    write(t, "braces_uuid", '{"search_id":"{%s}","product_id":"%s"}' % (U1, U2))
    write(t, "array", '[{"search_id":"%s","product_id":"%s"}]' % (U1, U2))
    write(t, "bom_and_space", '\ufeff {"search_id":"%s","product_id":"%s"} ' % (U1, U2))
    write(t, "truncated", '{"search_id":"%s","product_id":"%s' % (U1, U2[:10]))


def field(b, maxlen):
    """ByteReader::text(max): one length byte (scaled by max/255 when max > 255), then the bytes."""
    if isinstance(b, str):
        b = b.encode("utf-8")
    if maxlen > 255:
        n = (len(b) * 255 + maxlen - 1) // maxlen
        length = n * maxlen // 255
        b = b[:length] + b" " * (length - len(b))
        return bytes([n]) + b
    return bytes([len(b)]) + b


def copy_seeds():
    t = "fuzz_copy_encoding"
    def row(present, id_, user, query, session, ip, ua, count, tail=b""):
        out = bytes([present]) + field(id_, 64)
        if present & 1: out += field(user, 64)
        out += field(query, 1024)
        if present & 2: out += field(session, 512)
        if present & 4: out += field(ip, 64)
        if present & 8: out += field(ua, 1024)
        return out + struct.pack("<i", count) + tail
    write(t, "full_row", row(15, U1, U2, "ashwagandha churna", "sess-42", "203.0.113.7", "Mozilla/5.0", 37))
    write(t, "escapes", row(15, U1, "not-a-uuid", "a\tb\nc\rd\\N \\. e", "\\N", "::1", "ua\x00\x01\x7f", -1,
                            b"\\\t\n\r"))
    write(t, "nulls_and_invalid", row(0, U1, "", b"tulsi \xff\xc3\x28 \xe0\xa4\x85", "", "", "", 2**31 - 1))
    write(t, "devanagari_long_session", row(2, U1, "", "अश्वगंधा", "सत्र" * 40, "", "", 0))


def spool_line_seeds():
    t = "fuzz_spool_read"
    row = ('{"t":"row","id":"%s","query":"ashwagandha \\u0905","results_count":12,"user_id":null,'
           '"session_id":"s1","ip_address":"203.0.113.7","user_agent":"curl/8.0","created_at_us":1714558830123456}'
           % U1)
    click = '{"t":"click","search_id":"%s","product_id":"%s","attempts":2}' % (U1, U2)
    old_click = '{"t":"click","search_id":"%s","product_id":"%s"}' % (U1, U2)
    write(t, "row_and_clicks", row + "\n" + click + "\n" + old_click + "\n")
    write(t, "torn_last_line", row + "\n" + click[:30])
    write(t, "empty_lines_crlf", "\n\n" + row + "\r\n" + "\n")
    write(t, "unknown_kind_and_garbage", '{"t":"view","id":1}\n[1,2]\nnot json\n{"t":"row"}\n')
    write(t, "escapes_and_nul", ('{"t":"row","id":"x","query":"a\\u0000b\\ud83c\\udf3f\\t\\"","results_count":-5,'
                                 '"user_id":"%s","session_id":null,"ip_address":null,"user_agent":null,'
                                 '"created_at_us":-1}\n' % U2.upper()))
    # created_at_us at +-9223372036854775 (within what a microsecond count can hold in nanoseconds).
    write(t, "big_numbers", ('{"t":"row","id":"x","query":"q","results_count":4294967297,"created_at_us":'
                             '9223372036854775}\n{"t":"row","id":"y","query":"","results_count":-1,'
                             '"created_at_us":-9223372036854775}\n{"t":"click","search_id":"a","product_id":"b",'
                             '"attempts":-9223372036854775808}\n'))


def spool_roundtrip_seeds():
    t = "fuzz_spool_roundtrip"
    def rec(present, id_, query, user, session, ip, ua, sid, pid, count, nanos, attempts):
        out = bytes([present]) + field(id_, 64) + field(query, 1024)
        if present & 1: out += field(user, 64)
        if present & 2: out += field(session, 255)
        if present & 4: out += field(ip, 64)
        if present & 8: out += field(ua, 600)
        out += field(sid, 64) + field(pid, 64)
        return out + struct.pack("<i", count) + struct.pack("<q", nanos) + struct.pack("<i", attempts)
    write(t, "full", rec(15, U1, "Aśvagandhā 500mg", U2, "sess", "::1", "Mozilla/5.0", U1, U2, 7,
                         1714558830123456789, 1))
    write(t, "invalid_utf8_nul", rec(5, "id\x00", b"\xff\xfe tulsi \x00", "", "", "10.0.0.1", "", "a", "b",
                                     -3, -1500, 0))
    write(t, "devanagari_negative_time", rec(2, U1, "अश्वगंधा \"quoted\" \\ \n\t", "", "सत्र", "", "", U1, U2,
                                             2**31 - 1, -(2**63), -(2**31)))


if __name__ == "__main__":
    http_seeds()
    query_seeds()
    click_seeds()
    copy_seeds()
    spool_line_seeds()
    spool_roundtrip_seeds()
