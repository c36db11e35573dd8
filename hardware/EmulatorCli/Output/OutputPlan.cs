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
    /// made, can be written to, no two outputs share a path, none is the script itself) and
    /// written all or nothing afterwards: each to a temporary file beside its target, and only
    /// when every one is complete are they moved into place, so an existing file is never
    /// truncated by a run that fails.
    /// </summary>
    public sealed class OutputPlan
    {
        private static readonly StringComparison PathComparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

        private readonly List<Planned> _files = new List<Planned>();

        /// <summary>Adds <paramref name="path"/> (what the option <paramref name="option"/> named) and writes it later with <paramref name="write"/>.</summary>
        public void Add(string option, string path, Action<Stream> write)
        {
            string full = Path.GetFullPath(path);
            foreach (Planned other in _files)
            {
                if (string.Equals(other.Path, full, PathComparison))
                {
                    throw new OutputException(option + " and " + other.Option + " both name " + full + ": give each output its own file");
                }
            }

            _files.Add(new Planned(option, full, write));
        }

        public IReadOnlyList<string> Paths
        {
            get { return _files.ConvertAll(f => f.Path); }
        }

        /// <summary>Makes a folder for <c>--out</c> if it is not there (its parent must be).</summary>
        public static string PrepareFolder(string option, string folder)
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
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new OutputException(option + " " + folder + ": cannot create the folder (" + e.Message + ")");
                }
            }

            return full;
        }

        /// <summary>Before the session: every folder exists and takes a file, no target is a folder or the script.</summary>
        public void Check(string scriptPath)
        {
            string script = scriptPath == null ? null : Path.GetFullPath(scriptPath);
            foreach (Planned file in _files)
            {
                if (script != null && string.Equals(file.Path, script, PathComparison))
                {
                    throw new OutputException(file.Option + " " + file.Path + " is the script itself: it would be overwritten");
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
                    using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write))
                    {
                    }

                    File.Delete(probe);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new OutputException(file.Option + " " + file.Path + ": cannot write in " + folder + " (" + e.Message + ")");
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
                    using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                    {
                        file.Write(stream);
                        stream.Flush(true);
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                DeleteAll(temps);
                throw new OutputException("could not write " + _files[temps.Count - 1].Path + " (" + e.Message + "); no output was changed");
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
                    throw new OutputException("could not move the finished " + _files[i].Path + " into place (" + e.Message + ")");
                }
            }
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
            public Planned(string option, string path, Action<Stream> write)
            {
                Option = option;
                Path = path;
                Write = write;
            }

            public string Option { get; }

            public string Path { get; }

            public Action<Stream> Write { get; }
        }
    }
}
