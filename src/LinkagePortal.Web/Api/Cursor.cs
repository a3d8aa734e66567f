using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LinkagePortal.Api;

public enum KeyKind { Integer, Text }

/// <summary>
/// Keyset paging cursors: the last key of a page, the dataset and the filter it belongs to, and a checksum. The
/// checksum is not a secret (the cursor only says where a public list resumes); it makes an edited, truncated or
/// borrowed cursor a clear 400 instead of a silently different page.
/// </summary>
public static class Cursor
{
    public static string Encode(string dataset, string fingerprint, object key)
    {
        var payload = Encoding.UTF8.GetBytes(Payload(dataset, fingerprint, key));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Checksum(payload));
    }

    public static bool TryDecode(string token, string dataset, string fingerprint, KeyKind kind, out object key, out string error)
    {
        key = "";
        error = "游标无效：它被改动过或不完整。请从第一页重新开始，或照抄上一页 next 地址。";
        var dot = token.IndexOf('.');
        if (dot <= 0 || !Base64Url.IsValid(token.AsSpan(0, dot)) || !Base64Url.IsValid(token.AsSpan(dot + 1)))
        {
            return false;
        }

        var payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
        if (!CryptographicOperations.FixedTimeEquals(Base64Url.DecodeFromChars(token.AsSpan(dot + 1)), Checksum(payload)))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(payload).Split('\n');
        if (parts.Length != 3 || parts[2].Length < 1)
        {
            return false;
        }

        if (parts[0] != dataset || parts[1] != fingerprint)
        {
            error = "游标属于另一组筛选条件：翻页时其他参数要与第一页相同。";
            return false;
        }

        var value = parts[2][1..];
        if (kind == KeyKind.Integer && parts[2][0] == 'i' && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            key = number;
            return true;
        }

        if (kind == KeyKind.Text && parts[2][0] == 's')
        {
            key = value;
            return true;
        }

        return false;
    }

    static string Payload(string dataset, string fingerprint, object key) => key switch
    {
        long n => $"{dataset}\n{fingerprint}\ni{n.ToString(CultureInfo.InvariantCulture)}",
        string s => $"{dataset}\n{fingerprint}\ns{s}",
        _ => throw new ArgumentException($"a key is a long or a string, not {key.GetType().Name}", nameof(key)),
    };

    static byte[] Checksum(byte[] payload) =>
        SHA256.HashData([.. "linkage-portal cursor v1\n"u8, .. payload])[..12];
}
