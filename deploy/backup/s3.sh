# shellcheck shell=bash
# A minimal S3 client over the S3 API with curl's AWS Signature V4 (curl >= 7.75), for backup.sh / restore.sh:
# works against AWS S3 and any S3-compatible store (s3proxy locally, MinIO, ...). Configuration from the same
# variables the services use: S3_ENDPOINT (empty: https://s3.$S3_REGION.amazonaws.com), S3_REGION (us-east-1),
# S3_ACCESS_KEY, S3_SECRET_KEY; path-style addressing (http://endpoint/bucket/key).

S3_EMPTY_SHA256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855

s3_endpoint() { echo "${S3_ENDPOINT:-https://s3.${S3_REGION:-us-east-1}.amazonaws.com}"; }

# percent-encodes a key for a URL path (keeps / and the unreserved characters)
s3_encode() {
  local s="$1" out="" c i
  LC_ALL=C
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      [A-Za-z0-9._~/-]) out+="$c" ;;
      *) out+="$(printf '%%%02X' "'$c")" ;;
    esac
  done
  echo "$out"
}

s3_xml_unescape() { sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&amp;/\&/g'; }

# s3_curl METHOD PATH_AND_QUERY [curl args...] - one signed request; fails on HTTP errors
s3_curl() {
  local method="$1" path="$2"; shift 2
  local sha="$S3_EMPTY_SHA256" arg prev=""
  for arg in "$@"; do   # an upload (-T file) is signed with its content's SHA-256
    if [[ "$prev" == "-T" ]]; then sha="$(sha256sum "$arg" | cut -d' ' -f1)"; fi
    prev="$arg"
  done
  curl -sS --fail --max-time "${S3_TIMEOUT:-300}" -X "$method" \
    --aws-sigv4 "aws:amz:${S3_REGION:-us-east-1}:s3" --user "${S3_ACCESS_KEY:?}:${S3_SECRET_KEY:?}" \
    -H "x-amz-content-sha256: $sha" "$@" "$(s3_endpoint)$path"
}

# s3_list BUCKET - every key, one per line (ListObjectsV2, all pages; keys with a newline are not supported)
s3_list() {
  local bucket="$1" token="" page query
  while :; do
    query="list-type=2&max-keys=1000"
    [[ -n "$token" ]] && query+="&continuation-token=$(s3_encode "$token" | sed 's|/|%2F|g')"
    page="$(s3_curl GET "/$bucket?$query")"
    grep -o '<Key>[^<]*</Key>' <<<"$page" | sed -e 's|<Key>||' -e 's|</Key>||' | s3_xml_unescape
    grep -q '<IsTruncated>true</IsTruncated>' <<<"$page" || break
    token="$(grep -o '<NextContinuationToken>[^<]*</NextContinuationToken>' <<<"$page" \
      | sed -e 's|<[^>]*>||g' | s3_xml_unescape)"
  done
}

s3_bucket_exists() { s3_curl HEAD "/$1" -o /dev/null 2>/dev/null; }
s3_make_bucket() { s3_bucket_exists "$1" || s3_curl PUT "/$1" -o /dev/null; }
s3_get() { s3_curl GET "/$1/$(s3_encode "$2")" -o "$3"; }
s3_put() { s3_curl PUT "/$1/$(s3_encode "$2")" -T "$3" -o /dev/null; }
s3_delete() { s3_curl DELETE "/$1/$(s3_encode "$2")" -o /dev/null; }
