using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ticketing.BuildingBlocks.Web;

/// <summary>
/// A lookup that can fail: either the value or the problem to answer with, never both. Replaces
/// <c>(value, problem)</c> tuples, whose callers had to assert the problem non-null; here the
/// compiler knows <see cref="Problem"/> is set when <see cref="Found"/> is false.
/// </summary>
public readonly record struct Lookup<T> where T : class
{
    private Lookup(T? value, ProblemHttpResult? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    public ProblemHttpResult? Problem { get; }

    /// <summary>Throws on <c>default(Lookup&lt;T&gt;)</c>, which holds neither and would otherwise read as "not found" without a problem.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Found
    {
        get
        {
            if (Value is not null)
            {
                return true;
            }

            if (Problem is not null)
            {
                return false;
            }

            throw new InvalidOperationException("An uninitialised Lookup holds neither a value nor a problem.");
        }
    }

    public static implicit operator Lookup<T>(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static implicit operator Lookup<T>(ProblemHttpResult problem) => new(null, problem ?? throw new ArgumentNullException(nameof(problem)));
}
