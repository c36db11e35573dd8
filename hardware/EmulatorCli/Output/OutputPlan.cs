using System;
using System.Collections.Generic;
using System.IO;

namespace InterfaceFirmware.EmulatorCli.Output
{
    /// <summary>An output the user can fix: one clear message, no stack trace.</summary>
    public sealed class OutputException : Exception
    {
        public OutputException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// The files a run will write, checked before the session runs (the folder exists or can be
    /// made, can be written to, no two outputs share a path, none is a file the run reads) and
    /// written all or nothing afterwards: each to a temporary file beside its target, and only
    /// when every one is complete are they moved into place, so an existing file is never
    /// truncated by a run that fails (a full disk included). Paths are compared as the files
    /// they reach: <c>x.wav</c>, <c>./x.wav</c>, <c>dir/../x.wav</c> and a symbolic link to it are
    /// one file.
    /// </summary>
    public sealed class OutputPlan
    {
        private static readonly StringComparison PathComparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

        private readonly List<Planned> _files = new List<Planned>();
        private readonly List<Planned> _inputs = new List<Planned>();
        private readonly Func<string, Stream> _createTemporary;
        private string _madeFolder;

        /// <param name="createTemporary">
        /// Creates a temporary file (a new file at the path given, beside its target) for writing;
        /// null: a <see cref="FileStream"/>. The tests route one to a full disk through it.
        /// </param>
        public OutputPlan(Func<string, Stream> createTemporary = null)
        {
            _createTemporary = createTemporary ?? (path => new FileStream(path, FileMode.CreateNew, FileAccess.Write));
        }

        /// <summary>Adds <paramref name="path"/> (what the option <paramref name="option"/> named) and writes it later with <paramref name="write"/>.</summary>
        public void Add(string option, string path, Action<Stream> write)
        {
            string full = Path.GetFullPath(path);
            string canonical = Canonical(full);
            foreach (Planned other in _files)
            {
                if (string.Equals(other.Canonical, canonical, PathComparison))
                {
                    string same = other.Path == full ? full : other.Path + " and " + full + " (one file)";
                    throw new OutputException(option + " and " + other.Option + " both name " + same + ": give each output its own file");
                }
            }

            _files.Add(new Planned(option, full, canonical, write));
        }

        /// <summary>A file the run reads (<paramref name="what"/>: "the script", "--input-wav"…): no output may be it.</summary>
        public void AddInput(string what, string path)
        {
            string full = Path.GetFullPath(path);
            _inputs.Add(new Planned(what, full, Canonical(full), null));
        }

        /// <summary>
        /// <paramref name="full"/> with every symbolic link along it resolved (as far as the path
        /// exists), so two spellings of one file compare equal.
        /// </summary>
        public static string Canonical(string full)
        {
            string root = Path.GetPathRoot(full) ?? string.Empty;
            string current = root;
            foreach (string part in full.Substring(root.Length).Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries))
            {
                string next = Path.Combine(current, part);
                try
                {
                    FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
                    if (info.LinkTarget != null)
                    {
                        FileSystemInfo target = info.ResolveLinkTarget(true);
                        if (target != null)
                        {
                            next = Path.GetFullPath(target.FullName);
                        }
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // a link that cannot be followed (a loop, no permission): compared as written
                }

                current = next;
            }

            return current;
        }

        public IReadOnlyList<string> Paths
        {
            get { return _files.ConvertAll(f => f.Path); }
        }

        /// <summary>
        /// Makes a folder for <c>--out</c> if it is not there (its parent must be); a folder made
        /// here is removed again if the run writes nothing into it.
        /// </summary>
        public string PrepareFolder(string option, string folder)
        {
            string full = Path.GetFullPath(folder);
            if (File.Exists(full))
            {
                throw new OutputException(option + " " + folder + ": that is a file, not a folder");
            }

            if (!Directory.Exists(full))
            {
                string parent = Path.GetDirectoryName(full);
                if (parent != null && !Directory.Exists(parent))
                {
                    throw new OutputException(option + " " + folder + ": the folder " + parent + " does not exist");
                }

                try
                {
                    Directory.CreateDirectory(full);
                    _madeFolder = full;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new OutputException(option + " " + folder + ": cannot create the folder (" + OneLine(e.Message) + ")");
                }
            }

            return full;
        }

        /// <summary>Before the session: every folder exists and takes a file, no target is a folder or a file the run reads.</summary>
        public void Check()
        {
            try
            {
                CheckAll();
            }
            catch (OutputException)
            {
                RemoveMadeFolder();
                throw;
            }
        }

        private void CheckAll()
        {
            foreach (Planned file in _files)
            {
                foreach (Planned input in _inputs)
                {
                    if (string.Equals(file.Canonical, input.Canonical, PathComparison))
                    {
                        throw new OutputException(file.Option + " " + file.Path + " is " + input.Option + " (" + input.Path + "), a file this run reads: it would be overwritten");
                    }
                }

                if (Directory.Exists(file.Path))
                {
                    throw new OutputException(file.Option + " " + file.Path + ": that is a folder; name a file");
                }

                string folder = Path.GetDirectoryName(file.Path);
                if (!Directory.Exists(folder))
                {
                    throw new OutputException(file.Option + " " + file.Path + ": the folder " + folder + " does not exist");
                }

                string probe = TempPath(file.Path);
                try
                {
                    using (_createTemporary(probe))
                    {
                    }

                    File.Delete(probe);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new OutputException(file.Option + " " + file.Path + ": cannot write in " + folder + " (" + OneLine(e.Message) + ")");
                }
            }
        }

        /// <summary>After the session: writes every file to a temporary beside it, then moves them all into place.</summary>
        public void Write()
        {
            var temps = new List<string>();
            try
            {
                foreach (Planned file in _files)
                {
                    string temp = TempPath(file.Path);
                    temps.Add(temp);
                    using (Stream stream = _createTemporary(temp))
                    {
                        file.Write(stream);
                        if (stream is FileStream fileStream)
                        {
                            fileStream.Flush(true); // on the disk before it replaces anything
                        }
                        else
                        {
                            stream.Flush();
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                DeleteAll(temps);
                RemoveMadeFolder();
                throw new OutputException("could not write " + _files[temps.Count - 1].Path + " (" + OneLine(e.Message) + "); no output was changed");
            }

            for (int i = 0; i < _files.Count; i++)
            {
                try
                {
                    File.Move(temps[i], _files[i].Path, true);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    DeleteAll(temps.GetRange(i, temps.Count - i));
                    throw new OutputException("could not move the finished " + _files[i].Path + " into place (" + OneLine(e.Message) + ")");
                }
            }
        }

        /// <summary>The run wrote nothing: the <c>--out</c> folder it made goes again (if still empty).</summary>
        public void RemoveMadeFolder()
        {
            if (_madeFolder == null)
            {
                return;
            }

            try
            {
                if (Directory.Exists(_madeFolder) && Directory.GetFileSystemEntries(_madeFolder).Length == 0)
                {
                    Directory.Delete(_madeFolder);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // best effort: an empty folder
            }

            _madeFolder = null;
        }

        /// <summary>Why a file the run reads could not be read, in a user's words.</summary>
        public static string WhyUnreadable(Exception e, string path)
        {
            if (Directory.Exists(path))
            {
                return "that is a folder, not a file";
            }

            return e is FileNotFoundException || e is DirectoryNotFoundException ? "no such file" : OneLine(e.Message);
        }

        /// <summary>A system message on one line, without the path it repeats.</summary>
        public static string OneLine(string message)
        {
            string text = message.Replace("\r", " ").Replace("\n", " ").Trim();
            int quote = text.IndexOf(" : '", StringComparison.Ordinal);
            return quote > 0 ? text.Substring(0, quote) : text;
        }

        private static void DeleteAll(List<string> paths)
        {
            foreach (string path in paths)
            {
                try
                {
                    File.Delete(path);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // best effort: the temporary's name says what it is
                }
            }
        }

        private static string TempPath(string path)
        {
            return Path.Combine(Path.GetDirectoryName(path), "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
        }

        private sealed class Planned
        {
            public Planned(string option, string path, string canonical, Action<Stream> write)
            {
                Option = option;
                Path = path;
                Canonical = canonical;
                Write = write;
            }

            public string Option { get; }

            public string Path { get; }

            public string Canonical { get; }

            public Action<Stream> Write { get; }
        }
    }
}
