namespace CchcPortal.Core.Audit;

/// <summary>Who is acting and from where: the signed-in account of the current request (the host implements it).</summary>
public interface IAuditActor
{
    string? UserId { get; }
    string UserName { get; }
    string Address { get; }
}
