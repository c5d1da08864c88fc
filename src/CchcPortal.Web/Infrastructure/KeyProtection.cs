using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace CchcPortal.Web.Infrastructure;

/// <summary>Whether the data-protection keys (sign-in cookies, antiforgery, receipts) are encrypted at rest, and with what.</summary>
public sealed record KeyProtectionStatus(bool Encrypted, string? Thumbprint, DateTime? NotAfter)
{
    public string Description => Encrypted
        ? $"Khóa bảo vệ dữ liệu được mã hóa bằng chứng thư {Thumbprint} (hết hạn {Core.Common.VnFormat.DateTime(NotAfter!.Value)})."
        : "Khóa bảo vệ dữ liệu (cookie đăng nhập, mã chống giả mạo biểu mẫu) đang lưu không mã hóa trong thư mục keys. "
          + "Cấu hình Portal:DataProtection:CertificatePath để mã hóa (xem docs/security.md).";
}

public static class KeyProtection
{
    /// <summary>
    /// With Portal:DataProtection:CertificatePath, new keys are written encrypted with the certificate (an
    /// encryptedSecret instead of the plain masterKey) and read back with it: what ProtectKeysWithCertificate does,
    /// from the final configuration. The password is read, never logged.
    /// </summary>
    public static WebApplicationBuilder AddPortalKeyProtection(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(sp => LoadCertificate(sp.GetRequiredService<IOptions<PortalOptions>>().Value.DataProtection,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(sp => sp.GetRequiredService<KeyCertificate>().Status);
        services.AddOptions<KeyManagementOptions>().Configure<KeyCertificate, ILoggerFactory>((o, key, logs) =>
        {
            if (key.Certificate is { } certificate) o.XmlEncryptor = new CertificateKeyEncryptor(new CertificateXmlEncryptor(certificate, logs));
        });
        return builder;
    }

    private static KeyCertificate LoadCertificate(DataProtectionSettings settings, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(settings.CertificatePath)) return new KeyCertificate(null);
        var path = Path.GetFullPath(Path.Combine(contentRoot, settings.CertificatePath));
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, settings.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Không đọc được chứng thư bảo vệ khóa Portal:DataProtection:CertificatePath ({path}): "
                + "kiểm tra tệp .pfx và mật khẩu Portal:DataProtection:CertificatePassword.", e);
        }
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"Chứng thư {path} không có khóa riêng: cần tệp .pfx gồm cả khóa riêng.");
        return new KeyCertificate(certificate);
    }

    /// <summary>The certificate that encrypts the keys, if one is configured.</summary>
    public sealed class KeyCertificate(X509Certificate2? certificate)
    {
        public X509Certificate2? Certificate => certificate;
        public KeyProtectionStatus Status { get; } = certificate is null
            ? new KeyProtectionStatus(false, null, null)
            : new KeyProtectionStatus(true, certificate.Thumbprint, certificate.NotAfter.ToUniversalTime());
    }

    public static void WarnAboutKeyProtection(this WebApplication app, ILogger log)
    {
        if (!app.Environment.IsDevelopment() && !app.Services.GetRequiredService<KeyProtectionStatus>().Encrypted)
            log.LogWarning("Data-protection keys are stored unencrypted: set Portal:DataProtection:CertificatePath (docs/security.md).");
    }
}

/// <summary>
/// Encrypts a new key with the certificate (XML encryption, as ProtectKeysWithCertificate) and names
/// <see cref="CertificateKeyDecryptor"/> as the way back: the certificate is only known once configuration is read,
/// after the services are registered, and the framework's decryptor options cannot be set from here.
/// </summary>
public sealed class CertificateKeyEncryptor(CertificateXmlEncryptor inner) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(inner.Encrypt(plaintextElement).EncryptedElement, typeof(CertificateKeyDecryptor));
}

/// <summary>Decrypts a key written by <see cref="CertificateKeyEncryptor"/> with the configured certificate's private key. Keep the name: key files refer to it.</summary>
public sealed class CertificateKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var certificate = services.GetRequiredService<KeyProtection.KeyCertificate>().Certificate
            ?? throw new InvalidOperationException("Khóa bảo vệ dữ liệu được mã hóa bằng chứng thư, nhưng Portal:DataProtection:CertificatePath chưa được cấu hình.");
        var document = new XmlDocument { PreserveWhitespace = true };
        using (var reader = new XElement("root", encryptedElement).CreateReader()) document.Load(reader);
        new CertificateEncryptedXml(document, certificate).DecryptDocument();
        using var subtree = document.DocumentElement!.FirstChild!.CreateNavigator()!.ReadSubtree();
        return XElement.Load(subtree);
    }

    /// <summary>Takes the session key out with this certificate's RSA key (the stock class would look in the certificate store).</summary>
    private sealed class CertificateEncryptedXml(XmlDocument document, X509Certificate2 certificate) : System.Security.Cryptography.Xml.EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(System.Security.Cryptography.Xml.EncryptedKey encryptedKey)
        {
            using var rsa = certificate.GetRSAPrivateKey();
            if (rsa is null || encryptedKey.CipherData.CipherValue is not { } value) return base.DecryptEncryptedKey(encryptedKey);
            var oaep = encryptedKey.EncryptionMethod?.KeyAlgorithm == System.Security.Cryptography.Xml.EncryptedXml.XmlEncRSAOAEPUrl;
            return DecryptKey(value, rsa, oaep);
        }
    }
}
