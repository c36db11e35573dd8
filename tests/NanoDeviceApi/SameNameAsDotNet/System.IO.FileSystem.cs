// nanoFramework device API declarations, for a host (net10.0) compile check only: signatures, no implementation.
// Every member throws NotImplementedException.
//
// Package: nanoFramework.System.IO.FileSystem 1.1.93 (assembly System.IO.FileSystem), nanoframework/System.IO.FileSystem main.
// Stream, SeekOrigin, StreamReader and StreamWriter come from System.IO.Streams (see System.IO.Streams.cs).
//
// .NET BCL CLASH: every type here already exists in the BCL:
//   System.IO.File, System.IO.Directory, System.IO.FileStream, System.IO.Path, System.IO.FileMode, System.IO.FileAccess,
//   System.IO.FileShare, System.IO.FileAttributes.
// See README.md in this folder for how these files are compiled.
//
// UNCERTAIN: File.cs (44 stored versions), Directory.cs (23) and FileStream.cs (22) are the listing versions read, not provably 1.1.93.
// NOT declared (not read): DirectoryInfo, FileInfo, FileSystemInfo, DriveInfo, DriveType, FileSystemManager, and the nanoFramework/*
// storage types (SDCard, StorageEventManager, RemovableDeviceEventArgs, ...).

namespace System.IO
{
    internal static class NanoApiDecl_SystemIOFileSystem
    {
        internal static NotImplementedException Fail()
            => new NotImplementedException("nanoFramework device API declaration (host compile check only)");
    }

    // Source: nanoframework/System.IO.FileSystem System.IO.FileSystem/File.cs (commit 1098443d)
    public static class File
    {
        public static void Copy(string sourceFileName, string destFileName) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static void Copy(string sourceFileName, string destFileName, bool overwrite) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static FileStream Create(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static void Delete(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static bool Exists(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static FileAttributes GetAttributes(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static DateTime GetLastWriteTime(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static void Move(string sourceFileName, string destFileName) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static FileStream OpenRead(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static StreamReader OpenText(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static FileStream OpenWrite(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static byte[] ReadAllBytes(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static string ReadAllText(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static void SetAttributes(string path, FileAttributes fileAttributes) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static void WriteAllBytes(string path, byte[] bytes) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static void WriteAllText(string path, string contents) => throw NanoApiDecl_SystemIOFileSystem.Fail();
    }

    // Source: nanoframework/System.IO.FileSystem System.IO.FileSystem/Directory.cs (commit 9878b24c)
    public static class Directory
    {
        public static string[] GetLogicalDrives() => throw NanoApiDecl_SystemIOFileSystem.Fail();

        // Returns void, not DirectoryInfo. It does not create directories recursively.
        public static void CreateDirectory(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        // Only this overload exists. "recursive" is not implemented in the source.
        public static void Delete(string path, bool recursive = false) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static bool Exists(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static void Move(string sourcePath, string destinationPath) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static string[] GetFiles(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static string[] GetDirectories(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static DateTime GetLastWriteTime(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();
    }

    // Source: nanoframework/System.IO.FileSystem System.IO.FileSystem/FileStream.cs (commit bebc2daa)
    // UNCERTAIN: FileShare ships in this package, but no stored FileStream has a ctor that takes it. No such ctor is declared here.
    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode) { throw NanoApiDecl_SystemIOFileSystem.Fail(); }

        public FileStream(string path, FileMode mode, FileAccess access) { throw NanoApiDecl_SystemIOFileSystem.Fail(); }

        public override bool CanRead => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public override bool CanSeek => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public override bool CanWrite => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public override long Length => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public override long Position
        {
            get => throw NanoApiDecl_SystemIOFileSystem.Fail();
            set => throw NanoApiDecl_SystemIOFileSystem.Fail();
        }

        public string Name => throw NanoApiDecl_SystemIOFileSystem.Fail();

        // Public in commit bebc2daa. UNCERTAIN in 1.1.93.
        public string FilePath => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public override void Close() => throw NanoApiDecl_SystemIOFileSystem.Fail();

        protected override void Dispose(bool disposing) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public override void Flush() => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public override int Read(byte[] buffer, int offset, int count) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        // NOT in FileStream.cs @bebc2daa, which predates the abstract Stream.Read(SpanByte) in System.IO.Streams 1.1.x.
        // A 1.1.93 FileStream must override it, and the declaration needs it to compile.
        public override int Read(SpanByte buffer) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public override int ReadByte() => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public override long Seek(long offset, SeekOrigin origin) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        // Throws NotImplementedException on the device as well (commit bebc2daa).
        public override void SetLength(long value) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public override void Write(byte[] buffer, int offset, int count) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public override void WriteByte(byte value) => throw NanoApiDecl_SystemIOFileSystem.Fail();
    }

    // Source: nanoframework/System.IO.FileSystem System.IO.FileSystem/FileMode.cs (commit ec02f71a)
    [Serializable]
    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }

    // Source: nanoframework/System.IO.FileSystem System.IO.FileSystem/FileAccess.cs (commit fb5c320d)
    [Serializable, Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    // Source: nanoframework/System.IO.FileSystem System.IO.FileSystem/FileShare.cs (commit e3a3e484). Delete = 0x04 and Inheritable = 0x10 are commented out in the source.
    [Flags]
    public enum FileShare
    {
        None = 0x00,
        Read = 0x01,
        Write = 0x02,
        ReadWrite = 0x03,
    }

    // Source: nanoframework/System.IO.FileSystem System.IO.FileSystem/FileAttributes.cs (commit e3a3e484). Normal, Temporary, ... are commented out in the source.
    [Flags]
    public enum FileAttributes
    {
        ReadOnly = 0x0001,
        Hidden = 0x0002,
        System = 0x0004,
        Directory = 0x0010,
        Archive = 0x0020,
    }

    // Source: nanoframework/System.IO.FileSystem System.IO.FileSystem/Path.cs (commit 08e6e102; the last 477 characters of the file were not read)
    public static class Path
    {
        // static readonly in the source; each value is the matching PathInternal constant (not read).
        public static readonly char DirectorySeparatorChar;

        public static readonly char AltDirectorySeparatorChar;

        public static readonly char VolumeSeparatorChar;

        public static readonly char PathSeparator;

        public static string ChangeExtension(string path, string extension) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static string Combine(string path1, string path2) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static string GetDirectoryName(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static string GetExtension(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static string GetFileName(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static string GetFileNameWithoutExtension(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static string GetFullPath(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static char[] GetInvalidFileNameChars() => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static char[] GetInvalidPathChars() => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static string GetPathRoot(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static bool HasExtension(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();

        public static bool IsPathRooted(string path) => throw NanoApiDecl_SystemIOFileSystem.Fail();
    }
}
