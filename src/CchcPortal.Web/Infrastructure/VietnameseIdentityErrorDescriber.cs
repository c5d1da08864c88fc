using Microsoft.AspNetCore.Identity;

namespace CchcPortal.Web.Infrastructure;

/// <summary>Identity's validation messages in Vietnamese.</summary>
public sealed class VietnameseIdentityErrorDescriber : IdentityErrorDescriber
{
    private static IdentityError E(string code, string message) => new() { Code = code, Description = message };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "Đã có lỗi xảy ra.");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"Thư điện tử {email} đã được dùng cho tài khoản khác.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"Tên đăng nhập {userName} đã tồn tại.");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"Thư điện tử '{email}' không hợp lệ.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"Tên đăng nhập '{userName}' không hợp lệ.");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"Mật khẩu phải có ít nhất {length} ký tự.");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "Mật khẩu phải có ít nhất một chữ số (0-9).");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "Mật khẩu phải có ít nhất một chữ thường (a-z).");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "Mật khẩu phải có ít nhất một chữ hoa (A-Z).");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "Mật khẩu phải có ít nhất một ký tự đặc biệt (ví dụ: ! @ # $).");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"Mật khẩu phải có ít nhất {uniqueChars} ký tự khác nhau.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "Mật khẩu không đúng.");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"Người dùng đã có vai trò {role}.");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"Người dùng không có vai trò {role}.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Dữ liệu đã bị người khác thay đổi; vui lòng tải lại trang.");
}
