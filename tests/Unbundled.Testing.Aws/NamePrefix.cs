using System.Security.Cryptography;

namespace Unbundled.Testing.Aws;

/// <summary>A queue and topic name prefix unique to one test, like <c>t1a2b3c4d-</c>, so tests share one emulator without seeing each other.</summary>
public static class NamePrefix
{
    public static string Create() => "t" + RandomNumberGenerator.GetHexString(8, lowercase: true) + "-";
}
