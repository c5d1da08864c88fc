using CchcPortal.Core.Identity;
using CchcPortal.Web.Features.Identity;
using Microsoft.AspNetCore.Identity;

namespace CchcPortal.Web.Pages.Account;

public sealed class RecoveryCodeModel(SignInManager<PortalUser> signIn, StaffSignIn staffSignIn) : TwoFactorStepModel(signIn, staffSignIn)
{
    protected override bool Recovery => true;
    protected override string WrongCode => "Mã khôi phục không đúng hoặc đã được dùng.";
}
