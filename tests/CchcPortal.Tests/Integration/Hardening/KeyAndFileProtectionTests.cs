using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using CchcPortal.Tests.Support;
using CchcPortal.Web.Features.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Hardening;

/// <summary>What lies in the data folder: keys encrypted with the operator's certificate, files for the service account only.</summary>
public class KeyAndFileProtectionTests
{
    private const UnixFileMode GroupAndOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private static string TestCertificate(string folder, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=CchcPortal keys (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    [Fact]
    public async Task Keys_are_encrypted_with_the_certificate_and_a_sign_in_survives_a_restart()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "cchc-tests", Guid.NewGuid().ToString("N"));
        var certFolder = Path.Combine(Path.GetTempPath(), "cchc-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(certFolder);
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["Portal:DataProtection:CertificatePath"] = TestCertificate(certFolder, "Mk-chứng-thư-1"),
                ["Portal:DataProtection:CertificatePassword"] = "Mk-chứng-thư-1",
            };
            string authCookie;
            using (var first = new PortalFactory(dataPath, settings: settings))
            {
                var client = first.CreateClient(new() { AllowAutoRedirect = false });
                var response = await client.PostFormAsync("/tai-khoan/dang-nhap", new() { ["Email"] = PortalFactory.AdminEmail, ["Password"] = PortalFactory.AdminPassword });
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                authCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".CchcPortal.Auth=")).Split(';')[0];

                var keyFiles = Directory.GetFiles(Path.Combine(dataPath, "keys"), "*.xml");
                Assert.NotEmpty(keyFiles);
                foreach (var xml in keyFiles.Select(File.ReadAllText))
                {
                    Assert.Contains("<encryptedSecret", xml);
                    Assert.Contains("EncryptedData", xml);
                    Assert.DoesNotContain("<value>", xml); // the plain masterKey
                }
                var status = await (await first.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword)).GetStringAsync("/quan-tri/cai-dat/tinh-trang");
                Assert.Contains("được mã hóa bằng chứng thư", WebUtility.HtmlDecode(status));
            }

            using var second = new PortalFactory(dataPath, settings: settings);
            var again = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
            var request = new HttpRequestMessage(HttpMethod.Get, "/quan-tri");
            request.Headers.Add("Cookie", authCookie);
            Assert.Equal(HttpStatusCode.OK, (await again.SendAsync(request)).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataPath, true); Directory.Delete(certFolder, true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Without_a_certificate_administrators_are_warned_on_the_status_page()
    {
        using var factory = new PortalFactory();
        var admin = await factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/quan-tri/cai-dat/tinh-trang"));
        Assert.Contains("Cảnh báo:", html);
        Assert.Contains("Portal:DataProtection:CertificatePath", html);
    }

    [Fact]
    public async Task No_file_in_the_data_folder_is_readable_by_group_or_others()
    {
        if (OperatingSystem.IsWindows()) return;
        var dataPath = Path.Combine(Path.GetTempPath(), "cchc-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dataPath, "media"));
        File.SetUnixFileMode(dataPath, (UnixFileMode)0b111_101_101);
        var left = Path.Combine(dataPath, "media", "from-an-old-copy.jpg");
        await File.WriteAllBytesAsync(left, TestImages.SmallJpeg());
        File.SetUnixFileMode(left, (UnixFileMode)0b110_100_100);
        var factory = new PortalFactory(dataPath);
        try
        {
            var citizen = factory.Anonymous();
            var form = new MultipartFormDataContent
            {
                { new StringContent(await citizen.AntiforgeryTokenAsync("/hoi-dap/gui-cau-hoi")), "__RequestVerificationToken" },
                { new StringContent(await citizen.SolvedAltchaAsync()), "altcha" },
                { new StringContent("Question"), "Input.Kind" },
                { new StringContent("Phản ánh đèn đường hỏng trước trụ sở xã"), "Input.Title" },
                { new StringContent("Đèn đường trước trụ sở xã hỏng đã hai tuần, buổi tối người dân đi lại rất khó khăn."), "Input.Content" },
                { new StringContent("Lê Thị Hoa"), "Input.Name" },
                { new StringContent("hoa.le@example.vn"), "Input.Email" },
            };
            var photo = new ByteArrayContent(TestImages.SmallJpeg());
            photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(photo, "Attachments", "den-duong.jpg");
            var receipt = await citizen.FollowReceiptAsync(await citizen.PostAsync("/hoi-dap/gui-cau-hoi", form));
            Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
            Assert.Matches(new Regex(@"HD-\d{4}-\d{6}"), await receipt.Content.ReadAsStringAsync());
            await factory.Services.GetRequiredService<OutboxSender>().FlushAsync();
            await factory.WaitForSearchAsync();

            Assert.NotEmpty(Directory.GetFiles(factory.MailPickupPath, "*.eml"));
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(dataPath, "private"), "*", SearchOption.AllDirectories));
            Assert.True(File.Exists(Path.Combine(dataPath, "cchcportal.db-wal")));
            var exposed = new DirectoryInfo(dataPath).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Prepend(new DirectoryInfo(dataPath))
                .Where(e => (File.GetUnixFileMode(e.FullName) & GroupAndOther) != 0)
                .Select(e => $"{Path.GetRelativePath(dataPath, e.FullName)} {File.GetUnixFileMode(e.FullName)}").ToList();
            Assert.Empty(exposed);
        }
        finally
        {
            factory.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataPath, true); } catch (IOException) { }
        }
    }
}
