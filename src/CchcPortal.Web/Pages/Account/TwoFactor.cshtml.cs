using CchcPortal.Core.Identity;
using CchcPortal.Web.Features.Identity;
using Microsoft.AspNetCore.Identity;

namespace CchcPortal.Web.Pages.Account;

public sealed class TwoFactorModel(SignInManager<PortalUser> signIn, StaffSignIn staffSignIn) : TwoFactorStepModel(signIn, staffSignIn)
{
    protected override bool Recovery => false;
    protected override string WrongCode => "Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện trong ứng dụng xác thực.";
}
