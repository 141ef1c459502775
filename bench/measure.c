/*
 * measure: run a command and report its wall time and peak memory.
 *
 *	measure [-i infile] [-o outfile] command [arg ...]
 *
 * The command's standard input is infile (default: measure's own), its
 * standard output goes to outfile (default /dev/null, so the terminal
 * or a pipe does not slow it down), its standard error is measure's.
 * When it ends, measure prints one line to standard output:
 *
 *	wall=SECONDS user=SECONDS sys=SECONDS maxrss_kib=KIB status=N
 *
 * maxrss_kib is the child's peak resident set size as wait4(2) reports
 * it (kilobytes on Linux and the BSDs), so no GNU time is needed.
 * measure exits with the command's status (128 + signal if killed, 127
 * if it could not be run).
 */
#include <sys/types.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static void
usage(void)
{
	fputs("usage: measure [-i infile] [-o outfile] command [arg ...]\n",
	    stderr);
	exit(2);
}

static double
elapsed(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static double
tv_seconds(const struct timeval *tv)
{
	return (double)tv->tv_sec + (double)tv->tv_usec / 1e6;
}

/* In the child: open path onto fd, or die with status 127. */
static void
redirect(const char *path, int flags, int fd)
{
	int f;

	if ((f = open(path, flags, 0666)) == -1) {
		perror(path);
		_exit(127);
	}
	if (f != fd) {
		if (dup2(f, fd) == -1) {
			perror("dup2");
			_exit(127);
		}
		close(f);
	}
}

int
main(int argc, char *argv[])
{
	const char *in = NULL, *out = "/dev/null";
	struct timespec t0, t1;
	struct rusage ru;
	pid_t pid;
	int c, status, code;

	while ((c = getopt(argc, argv, "+i:o:")) != -1)
		switch (c) {
		case 'i':
			in = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage();

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = fork()) == -1) {
		perror("measure: fork");
		return 2;
	}
	if (pid == 0) {
		if (in != NULL)
			redirect(in, O_RDONLY, STDIN_FILENO);
		redirect(out, O_WRONLY | O_CREAT | O_TRUNC, STDOUT_FILENO);
		execvp(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	while (wait4(pid, &status, 0, &ru) == -1)
		if (errno != EINTR) {
			perror("measure: wait4");
			return 2;
		}
	clock_gettime(CLOCK_MONOTONIC, &t1);

	if (WIFEXITED(status))
		code = WEXITSTATUS(status);
	else if (WIFSIGNALED(status))
		code = 128 + WTERMSIG(status);
	else
		code = 2;
	printf("wall=%.3f user=%.3f sys=%.3f maxrss_kib=%ld status=%d\n",
	    elapsed(&t0, &t1), tv_seconds(&ru.ru_utime),
	    tv_seconds(&ru.ru_stime), (long)ru.ru_maxrss, code);
	if (fflush(stdout) == EOF)
		return 2;
	return code;
}
